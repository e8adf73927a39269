using RevBot.Slack.App.Conversations;

namespace RevBot.Slack.App.Interactions;

/// <summary>
/// Where the answer to a drill-down press goes (a follow-up question, "Open deal"): never in place of the message the
/// button was on. Under an ephemeral (a slash command's answer, which has no thread) a new ephemeral through the
/// response_url; in a channel, the message's thread; in a DM, the DM (its thread when the message was in one); from
/// the Home tab (no channel), the user's DM with the app.
/// </summary>
internal sealed record SlackFollowUpTarget(string Channel, string? ThreadTs, bool Direct, bool Ephemeral)
{
    public static SlackFollowUpTarget Of(SlackActionDelivery a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var channel = a.Channel ?? a.User ?? "";
        if ((a.IsEphemeral || a.MessageTs is null) && a.ResponseUrl is not null) return new(channel, null, false, Ephemeral: true);
        var direct = a.Channel is null || SlackConversationKeys.IsDirectMessage(channel);
        return new(channel, direct ? a.MessageThreadTs : a.MessageThreadTs ?? a.MessageTs, direct, Ephemeral: false);
    }
}
