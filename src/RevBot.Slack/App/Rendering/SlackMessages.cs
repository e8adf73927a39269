using RevBot.Core.Replies;
using RevBot.Slack.Protocol.BlockKit;

namespace RevBot.Slack.App.Rendering;

/// <summary>The small messages around an answer: the ephemeral "Working on it…" and the "Share in channel" button.</summary>
public static class SlackMessages
{
    public static SlackMessage WorkingOnIt(string? question = null, string language = "en")
    {
        var working = language == "es" ? "Trabajando en ello…" : "Working on it…";
        var text = string.IsNullOrWhiteSpace(question) ? working : $"{working} _{Mrkdwn.Fit(Mrkdwn.Escape(question.ReplaceLineEndings(" ")), 1500)}_";
        return new SlackMessage(working, [new ContextBlock([new MrkdwnText(":hourglass_flowing_sand: " + text)])]);
    }

    /// <summary>
    /// Small print on an answer only its asker sees (a slash command's): a file shared in Slack is seen by the whole
    /// channel, so the chart waits for the answer to be shared or asked where everyone sees it.
    /// </summary>
    public static string ChartNotShared(string language = "en") => language == "es"
        ? "El gráfico se comparte solo donde todos ven la respuesta: pulsa «Compartir en el canal», o menciona a RevBot en un canal o escríbele por mensaje directo."
        : "The chart is shared only where everyone sees the answer: press Share in channel, or mention RevBot in a channel or send it a direct message.";

    /// <summary>The share button as a reply action, so it goes through the same id and limit handling as the others.</summary>
    public static ReplyAction ShareAction(string value, string language = "en") =>
        new(SlackActionIds.Share, language == "es" ? "Compartir en el canal" : "Share in channel", value, ReplyActionStyle.Primary);

    /// <summary>A standalone share button, for messages not rendered from a reply.</summary>
    public static ButtonElement ShareButton(string value, string language = "en")
    {
        var action = ShareAction(value, language);
        return new ButtonElement(new PlainText(action.Label), SlackActionIds.Share) { Value = Mrkdwn.Fit(value, BlockKitLimits.ButtonValue), Style = ButtonStyle.Primary };
    }
}
