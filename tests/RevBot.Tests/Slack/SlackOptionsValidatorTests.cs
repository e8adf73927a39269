using RevBot.Slack;

namespace RevBot.Tests.Slack;

public sealed class SlackOptionsValidatorTests
{
    private static SlackOptions Http() => new() { SigningSecret = "secret", BotToken = "xoxb-1-2-abc" };

    private static string Single(SlackOptions options) => Assert.Single(options.Problems());

    [Fact]
    public void No_slack_settings_at_all_is_valid_and_serves_nothing()
    {
        var options = new SlackOptions();
        Assert.Empty(options.Problems());
        Assert.False(options.ServesHttpEndpoints);
        Assert.False(options.RunsSocketMode);
    }

    [Fact]
    public void Http_mode_with_secret_and_bot_token_is_valid()
    {
        Assert.Empty(Http().Problems());
        Assert.True(Http().ServesHttpEndpoints);
    }

    [Fact]
    public void A_user_token_in_place_of_the_bot_token_is_named_without_echoing_it()
    {
        var problem = Single(new SlackOptions { SigningSecret = "s", BotToken = "xoxp-secret-value" });
        Assert.Contains("Slack:BotToken", problem, StringComparison.Ordinal);
        Assert.Contains("xoxb-", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-value", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Socket_mode_without_an_app_token_is_a_problem() =>
        Assert.Contains("Slack:AppToken", Single(new SlackOptions { Mode = "SocketMode", BotToken = "xoxb-1" }), StringComparison.Ordinal);

    [Fact]
    public void An_app_token_with_the_wrong_prefix_is_a_problem() =>
        Assert.Contains("xapp-", Single(new SlackOptions { Mode = "socketmode", BotToken = "xoxb-1", AppToken = "xoxb-2" }), StringComparison.Ordinal);

    [Fact]
    public void Socket_mode_with_both_tokens_is_valid_and_needs_no_signing_secret()
    {
        var options = new SlackOptions { Mode = "SocketMode", BotToken = "xoxb-1", AppToken = "xapp-1" };
        Assert.Empty(options.Problems());
        Assert.True(options.RunsSocketMode);
        Assert.False(options.ServesHttpEndpoints);
    }

    [Theory]
    [InlineData("Websocket")]
    [InlineData("1")]
    [InlineData("Http,SocketMode")]
    public void An_unknown_mode_is_a_problem(string mode) =>
        Assert.Contains("Slack:Mode", Single(new SlackOptions { Mode = mode }), StringComparison.Ordinal);

    [Theory]
    [InlineData("not a url")]
    [InlineData("ftp://slack.com/api/")]
    [InlineData("http://slack.example.com/api/")]
    public void A_bad_api_base_url_is_a_problem(string url) =>
        Assert.Contains("Slack:ApiBaseUrl", Single(new SlackOptions { ApiBaseUrl = url }), StringComparison.Ordinal);

    [Fact]
    public void Plain_http_is_allowed_to_this_machine_and_the_trailing_slash_is_added()
    {
        var options = new SlackOptions { ApiBaseUrl = "http://127.0.0.1:5001/api" };
        Assert.Empty(options.Problems());
        Assert.Equal("http://127.0.0.1:5001/api/", options.ApiBaseUri.ToString());
    }

    [Fact]
    public void A_signing_secret_without_a_bot_token_is_a_problem() =>
        Assert.Contains("Slack:BotToken", Single(new SlackOptions { SigningSecret = "s" }), StringComparison.Ordinal);

    [Fact]
    public void ToString_says_which_secrets_are_set_but_never_shows_them()
    {
        var text = new SlackOptions { SigningSecret = "sig-123", BotToken = "xoxb-456", AppToken = "xapp-789" }.ToString();
        Assert.DoesNotContain("123", text, StringComparison.Ordinal);
        Assert.DoesNotContain("456", text, StringComparison.Ordinal);
        Assert.DoesNotContain("789", text, StringComparison.Ordinal);
        Assert.Contains("(set)", text, StringComparison.Ordinal);
    }
}
