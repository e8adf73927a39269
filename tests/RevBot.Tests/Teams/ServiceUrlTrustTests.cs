using Microsoft.Extensions.Options;
using RevBot.Teams;
using RevBot.Teams.Protocol.Auth;

namespace RevBot.Tests.Teams;

public sealed class ServiceUrlTrustTests
{
    [Theory]
    [InlineData("https://smba.trafficmanager.net/amer/", true)]
    [InlineData("https://smba.trafficmanager.net/teams/", true)]
    [InlineData("https://SMBA.trafficmanager.net/emea", true)]
    [InlineData("https://smba.infra.gcc.teams.microsoft.com/", true)]
    [InlineData("http://smba.trafficmanager.net/amer/", false)]
    [InlineData("https://smba.trafficmanager.net.evil.example/amer/", false)]
    [InlineData("https://evil.example/?u=https://smba.trafficmanager.net/", false)]
    [InlineData("https://user@smba.trafficmanager.net/amer/", false)]
    [InlineData("https://smba.trafficmanager.net:8443/amer/", false)]
    [InlineData("not a url", false)]
    [InlineData(null, false)]
    public void The_default_allow_list_covers_teams_connector_hosts_only(string? url, bool trusted) =>
        Assert.Equal(trusted, Trust().IsTrusted(url));

    [Fact]
    public void A_configured_path_prefix_matches_at_a_segment_boundary()
    {
        var trust = Trust("https://connector.example/bots/");
        Assert.True(trust.IsTrusted("https://connector.example/bots/amer/"));
        Assert.False(trust.IsTrusted("https://connector.example/botsevil/"));
        Assert.False(trust.IsTrusted("https://smba.trafficmanager.net/amer/"));
    }

    [Fact]
    public void A_validated_service_url_is_trusted_exactly()
    {
        var trust = Trust("https://connector.example/");
        trust.TrustValidated("https://webchat.botframework.com/");

        Assert.True(trust.IsTrusted("https://webchat.botframework.com"));
        Assert.False(trust.IsTrusted("https://webchat.botframework.com/other/"));
    }

    [Fact]
    public void Validated_service_urls_are_bounded()
    {
        var trust = Trust("https://connector.example/");
        for (var i = 0; i <= ServiceUrlTrust.MaxValidated; i++) trust.TrustValidated($"https://c{i}.example/");
        Assert.True(trust.IsTrusted($"https://c{ServiceUrlTrust.MaxValidated}.example/"));
        Assert.Equal(ServiceUrlTrust.MaxValidated, Enumerable.Range(0, ServiceUrlTrust.MaxValidated + 1).Count(i => trust.IsTrusted($"https://c{i}.example/")));
    }

    private static ServiceUrlTrust Trust(params string[] allowList) =>
        new(Options.Create(new TeamsOptions { TrustedServiceUrls = allowList.Length == 0 ? null : [.. allowList] }), TimeProvider.System);
}
