using RevBot.Core.Settings;
using RevBot.Teams;

namespace RevBot.Tests.Teams;

public sealed class TeamsOptionsValidatorTests
{
    private const string AppId = "11111111-2222-3333-4444-555555555555";
    private const string Password = "Zq8~not-to-be-echoed";

    [Fact]
    public void No_teams_settings_at_all_is_valid_and_leaves_teams_off()
    {
        var options = new TeamsOptions();
        Assert.True(new CheckedOptionsValidator<TeamsOptions>().Validate(null, options).Succeeded);
        Assert.False(options.IsEnabled);
        Assert.Equal(TeamsOptions.DefaultTrustedServiceUrls, options.EffectiveTrustedServiceUrls);
    }

    [Fact]
    public void A_complete_single_tenant_configuration_is_valid()
    {
        var options = new TeamsOptions { AppId = AppId, AppPassword = Password, TenantId = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee" };
        Assert.True(new CheckedOptionsValidator<TeamsOptions>().Validate(null, options).Succeeded);
        Assert.Equal("https://login.microsoftonline.com/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee/v2.0/.well-known/openid-configuration", options.EffectiveEntraOpenIdMetadataUrl);
    }

    public static TheoryData<string, TeamsOptions> Problems => new()
    {
        { "Teams:AllowAnonymous", new TeamsOptions { AllowAnonymous = true, AppId = AppId, AppPassword = Password } },
        { "Teams:AppId must be", new TeamsOptions { AppId = "revbot", AppPassword = Password } },
        { "Teams:AppPassword is required", new TeamsOptions { AppId = AppId } },
        { "Teams:AppId is required", new TeamsOptions { AppPassword = Password } },
        { "Teams:TenantId", new TeamsOptions { AppId = AppId, AppPassword = Password, TenantId = "contoso" } },
        { "Teams:OpenIdMetadataUrl", new TeamsOptions { OpenIdMetadataUrl = "http://login.botframework.com/v1/.well-known/openidconfiguration" } },
        { "Teams:TokenEndpointBaseUrl", new TeamsOptions { TokenEndpointBaseUrl = "not a url" } },
        { "Teams:TrustedServiceUrls", new TeamsOptions { TrustedServiceUrls = ["https://user:pw@smba.trafficmanager.net/"] } },
        { "Teams:PublicBaseUrl", new TeamsOptions { PublicBaseUrl = "http://revbot.example.com" } },
        { "Teams:PublicBaseUrl", new TeamsOptions { PublicBaseUrl = "revbot.example.com" } },
    };

    [Fact]
    public void The_public_base_url_gets_the_trailing_slash_image_paths_need()
    {
        var options = new TeamsOptions { PublicBaseUrl = "https://revbot.example.com/bot" };
        Assert.True(new CheckedOptionsValidator<TeamsOptions>().Validate(null, options).Succeeded);
        Assert.Equal("https://revbot.example.com/bot/images/abc.png", new Uri(options.PublicBaseUri!, "images/abc.png").ToString());
        Assert.Null(new TeamsOptions().PublicBaseUri);
    }

    [Theory]
    [MemberData(nameof(Problems))]
    public void Each_problem_is_one_sentence_naming_the_setting_without_the_secret(string setting, TeamsOptions options)
    {
        var result = new CheckedOptionsValidator<TeamsOptions>().Validate(null, options);

        var failure = Assert.Single(result.Failures!);
        Assert.StartsWith(setting, failure, StringComparison.Ordinal);
        Assert.EndsWith(".", failure, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Anonymous_development_mode_with_an_app_id_and_no_password_is_valid()
    {
        Assert.True(new CheckedOptionsValidator<TeamsOptions>().Validate(null, new TeamsOptions { AllowAnonymous = true, AppId = AppId }).Succeeded);
        Assert.DoesNotContain(Password, new TeamsOptions { AppId = AppId, AppPassword = Password }.ToString(), StringComparison.Ordinal);
    }
}
