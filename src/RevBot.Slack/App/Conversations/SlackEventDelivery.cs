using System.Text.Json;
using System.Text.RegularExpressions;

namespace RevBot.Slack.App.Conversations;

/// <summary>The fields of an <c>event_callback</c> that RevBot acts on.</summary>
internal sealed partial record SlackEventDelivery(
    string? Team, string? EventId, string? Type, string? User, string? Channel, string? ChannelType,
    string Text, string? Ts, string? ThreadTs, string? BotId, string? Subtype, string? Tab)
{
    public static SlackEventDelivery From(JsonElement payload)
    {
        var e = payload.TryGetProperty("event", out var ev) ? ev : default;
        return new(payload.Str("team_id") ?? e.Str("team"), payload.Str("event_id"), e.Str("type"), e.Str("user"), e.Str("channel"),
            e.Str("channel_type"), StripMentions(e.Str("text")), e.Str("ts"), e.Str("thread_ts"), e.Str("bot_id"), e.Str("subtype"), e.Str("tab"));
    }

    /// <summary>
    /// What RevBot answers: mentions, DMs and the Home tab. Bots (including RevBot itself) and message subtypes (edits,
    /// joins, deletions) are not questions.
    /// </summary>
    public bool IsForUs => BotId is null && Subtype is null && User is not null && Type switch
    {
        "app_mention" => Channel is not null && Ts is not null,
        "message" => ChannelType == "im" && Channel is not null,
        "app_home_opened" => Tab is null or "home",
        _ => false,
    };

    /// <summary>"&lt;@U123&gt; win rate?" → "win rate?": the mention is how the question was addressed, not part of it.</summary>
    public static string StripMentions(string? text) => text is null ? "" : Mention().Replace(text, " ").Trim();

    [GeneratedRegex(@"<@[UWB][A-Z0-9]+(\|[^>]*)?>", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Mention();
}
