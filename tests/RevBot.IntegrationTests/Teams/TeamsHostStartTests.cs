using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RevBot.Host.Hosting;
using RevBot.Teams;
using RevBot.Teams.Protocol.Connector;

namespace RevBot.IntegrationTests.Teams;

public sealed class TeamsHostStartTests
{
    private static readonly string[] BaseArgs = ["--Database:Target=sqlite::memory:", "--urls=http://127.0.0.1:0", "--Database:DemoScale=0.02"];

    [Fact]
    public async Task Anonymous_mode_with_an_app_password_stops_the_host_with_one_sentence_naming_it()
    {
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => RevBotServer.StartAsync(
            [.. BaseArgs, "--Teams:AllowAnonymous=true", $"--Teams:AppId={TestTokens.AppId}", "--Teams:AppPassword=do-not-print-me"],
            TestContext.Current.CancellationToken));

        var failure = Assert.Single(ex.Failures);
        Assert.Contains("Teams:AllowAnonymous", failure, StringComparison.Ordinal);
        Assert.DoesNotContain("do-not-print-me", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--Teams:AppId=not-a-guid", "Teams:AppId")]
    [InlineData("--Teams:TrustedServiceUrls:0=http://connector.example/", "Teams:TrustedServiceUrls")]
    [InlineData("--Teams:OpenIdMetadataUrl=ftp://keys.example/", "Teams:OpenIdMetadataUrl")]
    public async Task A_bad_teams_setting_stops_the_host_naming_it(string arg, string setting)
    {
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            RevBotServer.StartAsync([.. BaseArgs, arg], TestContext.Current.CancellationToken));
        Assert.Contains(ex.Failures, f => f.Contains(setting, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_a_teams_section_the_host_starts_with_teams_off()
    {
        await using var app = await RevBotServer.StartAsync(BaseArgs, TestContext.Current.CancellationToken);
        Assert.False(app.Services.GetRequiredService<IOptions<TeamsOptions>>().Value.IsEnabled);
        Assert.NotNull(app.Services.GetRequiredService<ConnectorClient>());
    }
}
