using RevBot.Core.Localization;
using RevBot.Core.Replies;
using RevBot.Slack.Protocol.BlockKit;

namespace RevBot.Slack.App.Rendering;

/// <summary>The small messages around an answer: the ephemeral "Working on it…" and the "Share in channel" button.</summary>
public static class SlackMessages
{
    public static SlackMessage WorkingOnIt(string? question = null, string language = Texts.Neutral)
    {
        var working = Texts.Get(language, nameof(Catalog.ChatWorkingOnIt));
        var text = string.IsNullOrWhiteSpace(question) ? working : $"{working} _{Mrkdwn.Fit(Mrkdwn.Escape(question.ReplaceLineEndings(" ")), 1500)}_";
        return new SlackMessage(working, [new ContextBlock([new MrkdwnText(":hourglass_flowing_sand: " + text)])]);
    }

    /// <summary>
    /// Small print on an answer only its asker sees (a slash command's): a file shared in Slack is seen by the whole
    /// channel, so the chart waits for the answer to be shared or asked where everyone sees it.
    /// </summary>
    public static string ChartNotShared(string language = Texts.Neutral) => Texts.Get(language, nameof(Catalog.ChatChartNotShared));

    /// <summary>The share button as a reply action, so it goes through the same id and limit handling as the others.</summary>
    public static ReplyAction ShareAction(string value, string language = Texts.Neutral) =>
        new(SlackActionIds.Share, Texts.Get(language, nameof(Catalog.ChatShareInChannel)), value, ReplyActionStyle.Primary);

    /// <summary>A standalone share button, for messages not rendered from a reply.</summary>
    public static ButtonElement ShareButton(string value, string language = Texts.Neutral)
    {
        var action = ShareAction(value, language);
        return new ButtonElement(new PlainText(action.Label), SlackActionIds.Share) { Value = Mrkdwn.Fit(value, BlockKitLimits.ButtonValue), Style = ButtonStyle.Primary };
    }
}
