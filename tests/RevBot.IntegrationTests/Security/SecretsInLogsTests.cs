using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RevBot.Host.Hosting;
using RevBot.IntegrationTests.Slack;

namespace RevBot.IntegrationTests.Security;

/// <summary>With every log level on, a question through Slack and the API leaves no secret and no hook URL in the logs.</summary>
public sealed class SecretsInLogsTests
{
    private const string ApiKey = "api-key-that-must-not-be-logged-42";
    private const string HookSecret = "hook-secret-4711";

    [Fact]
    public async Task Signing_secret_bot_token_api_key_and_response_url_never_reach_the_logs()
    {
        var logs = new LogCapture(LogLevel.Trace, exceptionsOnly: false);
        await using var host = new SlackBotHost(new SlackBotHostOptions
        {
            ExtraArgs = ["--Logging:LogLevel:Default=Trace", "--Logging:LogLevel:Microsoft=Trace", "--Logging:LogLevel:System=Trace",
                $"--Api:Key={ApiKey}", "--Api:UserEmail=api@example.com"],
            Services = services => services.AddSingleton<ILoggerProvider>(logs),
        });
        await host.InitializeAsync();

        var hook = new Uri(host.Fake.BaseUri, $"respond/{HookSecret}");
        var command = $"token=x&team_id=T1&channel_id=C1&user_id={SlackBotHost.RepSlackId}&command=%2Frevbot&text=what+is+our+ARR%3F&response_url={Uri.EscapeDataString(hook.ToString())}&trigger_id=1.2.abc";
        using (await host.PostSignedAsync("/slack/commands", command, "application/x-www-form-urlencoded")) { }
        await host.WaitForAsync(r => r.Method == $"/respond/{HookSecret}");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/ask") { Content = JsonContent.Create(new { question = "what is our ARR?" }) };
        request.Headers.Add("X-Api-Key", ApiKey);
        using (await host.Http.SendAsync(request, TestContext.Current.CancellationToken)) { }

        var all = string.Join('\n', logs.Entries);
        Assert.Contains("/respond/…", all, StringComparison.Ordinal);
        foreach (var secret in new[] { SlackBotHost.Secret, "xoxb-test-bot", ApiKey, HookSecret })
            Assert.False(all.Contains(secret, StringComparison.Ordinal), $"The logs contain a secret: {secret[..4]}…");
    }

    [Theory]
    [InlineData("https://slack.com/api/chat.postMessage", "https://slack.com/api/chat.postMessage")]
    [InlineData("https://hooks.slack.com/commands/T1/123/abcSECRET", "https://hooks.slack.com/commands/…")]
    [InlineData("https://files.slack.com/upload/v1/ABCsecret?token=t", "https://files.slack.com/upload/…")]
    [InlineData("https://smba.trafficmanager.net/amer/v3/conversations/19:x/activities", "https://smba.trafficmanager.net/amer/…")]
    [InlineData("https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token?client_secret=s", "https://login.microsoftonline.com/botframework.com/…")]
    public void Outgoing_urls_keep_only_host_and_first_segment(string url, string logged) =>
        Assert.Equal(logged, RedactedHttpLogger.Redact(new Uri(url)));
}
