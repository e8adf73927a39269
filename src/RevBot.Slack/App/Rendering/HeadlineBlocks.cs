using RevBot.Core.Replies;
using RevBot.Slack.Protocol.BlockKit;

namespace RevBot.Slack.App.Rendering;

/// <summary>
/// An answer's headline after its title: the number in bold with what it is, its move on the next line, then the
/// period and filters as small print. Slack's mrkdwn has no colours, so the move reads by its arrow and words alone
/// ("▲ 4.1 pts vs Q3 2026"), which is also how a screen reader reads it on either platform.
/// </summary>
internal static class HeadlineBlocks
{
    public static IEnumerable<Block> Render(ReplyHeadline headline)
    {
        var text = $"*{Mrkdwn.Escape(headline.Value)}*  {Mrkdwn.Escape(headline.Label)}";
        if (headline.Delta is { } delta) text += "\n" + Mrkdwn.Escape(delta.Text);
        yield return new SectionBlock(new MrkdwnText(Mrkdwn.Fit(text, BlockKitLimits.SectionText)));
        if (!string.IsNullOrWhiteSpace(headline.Scope))
            yield return new ContextBlock([new MrkdwnText(Mrkdwn.Fit(Mrkdwn.Escape(headline.Scope), BlockKitLimits.FieldText))]);
    }
}
