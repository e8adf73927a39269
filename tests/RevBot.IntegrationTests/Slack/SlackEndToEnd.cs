using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RevBot.Core.Answers;
using RevBot.Core.Conversation;
using RevBot.Slack.App.Rendering;

namespace RevBot.IntegrationTests.Slack;

/// <summary>Payloads and expectations shared by the end-to-end tests that run their own <see cref="SlackBotHost"/>.</summary>
internal static class SlackEndToEnd
{
    public static string EventCallback(string eventId, string evt) =>
        $$"""{"type":"event_callback","team_id":"T1","api_app_id":"A1","event_id":"{{eventId}}","event_time":1700000000,"event":""" + evt + "}";

    public static string Mention(string channel, string ts, string question) =>
        JsonSerializer.Serialize(new { type = "app_mention", channel, user = SlackBotHost.RepSlackId, text = $"<@{SlackBotHost.BotUserId}> {question}", ts });

    /// <summary>A slash command's fields as Socket Mode delivers them: a JSON object of strings.</summary>
    public static string Command(string channel, string text, Uri responseUrl) =>
        JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["token"] = "unused-in-socket-mode", ["team_id"] = "T1", ["channel_id"] = channel, ["user_id"] = SlackBotHost.RepSlackId,
            ["command"] = "/revbot", ["text"] = text, ["api_app_id"] = "A1", ["response_url"] = responseUrl.ToString(), ["trigger_id"] = "1.2.abc",
        });

    public static bool Posted(FakeRequest r, string channel) =>
        r.Method == "chat.postMessage" && SlackBotHost.Json(r.Body).GetProperty("channel").GetString() == channel;

    /// <summary>The fallback text of the answer Core gives to <paramref name="question"/>: what the Slack message must say.</summary>
    public static async Task<string> ExpectedAsync(SlackBotHost host, string question)
    {
        await using var scope = host.App.Services.CreateAsyncScope();
        var answer = await scope.ServiceProvider.GetRequiredService<AskService>().AskAsync(new AskRequest(question), TestContext.Current.CancellationToken);
        return ReplyRenderer.FallbackText(answer.Reply);
    }
}
