using System.Globalization;
using System.Text;
using RevBot.Core.Replies;
using RevBot.Slack.Protocol.BlockKit;

namespace RevBot.Slack.App.Rendering;

/// <summary>
/// A reply's titled lists (a digest's "Top deals won", "Stalled deals") as one section block each: the bold title,
/// then a numbered line per item or the section's empty text in italics, as the Teams card shows them. A real list, not
/// a code block, so lines wrap on a phone. Items that do not fit the 3000-character section end in "… and N more".
/// The block's id is <see cref="ReplySection.Anchor"/>.
/// </summary>
internal static class SectionText
{
    public static SectionBlock Render(ReplySection section, string andMoreFormat)
    {
        ArgumentNullException.ThrowIfNull(section);
        var title = "*" + Mrkdwn.Fit(Mrkdwn.Escape(Line(section.Title)), BlockKitLimits.HeaderText) + "*";
        return new SectionBlock(new MrkdwnText(Text(title, section, andMoreFormat))) { BlockId = section.Anchor is { } a ? Mrkdwn.Fit(a, BlockKitLimits.BlockId) : null };
    }

    private static string Text(string title, ReplySection section, string andMoreFormat)
    {
        if (section.Items.Count == 0) return Mrkdwn.Fit($"{title}\n_{Mrkdwn.Escape(Line(section.EmptyText))}_", BlockKitLimits.SectionText);
        var more = string.Format(CultureInfo.InvariantCulture, andMoreFormat, section.Items.Count);
        var room = BlockKitLimits.SectionText - more.Length - 3; // the "\n_…_" line, should one be needed
        var text = new StringBuilder(title);
        var shown = 0;
        foreach (var item in section.Items)
        {
            var line = "\n" + Mrkdwn.Fit($"{shown + 1}. {Mrkdwn.Escape(Line(item.Text))}", BlockKitLimits.SectionText / 3);
            if (text.Length + line.Length > room) break;
            text.Append(line);
            shown++;
        }
        if (shown < section.Items.Count)
            text.Append("\n_").Append(string.Format(CultureInfo.InvariantCulture, andMoreFormat, section.Items.Count - shown)).Append('_');
        return text.ToString();
    }

    /// <summary>One line: a line break inside an item would read as a new item.</summary>
    private static string Line(string? text) => (text ?? "").ReplaceLineEndings(" ").Trim();
}
