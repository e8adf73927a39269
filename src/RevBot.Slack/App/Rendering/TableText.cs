using System.Globalization;
using RevBot.Core.Replies;
using RevBot.Slack.Protocol.BlockKit;

namespace RevBot.Slack.App.Rendering;

/// <summary>
/// A reply table as a monospace code block in one section: aligned columns read well on desktop and mobile, and unlike
/// fields it keeps rows together. Rows that do not fit the 3000-character section become "… and N more".
/// </summary>
internal static class TableText
{
    public const int MaxCellWidth = 28;
    public const int MaxRows = 30;

    public static string Render(ReplyTable table, string andMoreFormat)
    {
        var cells = table.Rows.Take(MaxRows).Select(r => r.Select(Clean).ToList()).ToList();
        var header = table.Columns.Select(Clean).ToList();
        var widths = header.Select((h, i) => Math.Max(h.Length, cells.Select(r => i < r.Count ? r[i].Length : 0).DefaultIfEmpty(0).Max())).ToArray();
        string Line(IReadOnlyList<string> row) => Mrkdwn.Escape(string.Join("  ", widths.Select((w, i) =>
        {
            var cell = i < row.Count ? row[i] : "";
            return table.NumericColumns.Contains(i) ? cell.PadLeft(w) : cell.PadRight(w);
        })).TrimEnd());

        var lines = new List<string> { Line(header), string.Join("  ", widths.Select(w => new string('-', w))) };
        var total = Math.Max(table.TotalRows, table.Rows.Count);
        var reserve = 8 + string.Format(CultureInfo.InvariantCulture, andMoreFormat, total).Length + 4;
        var length = lines.Sum(l => l.Length + 1);
        var shown = 0;
        foreach (var row in cells)
        {
            var line = Line(row);
            if (length + line.Length + 1 > BlockKitLimits.SectionText - reserve) break;
            lines.Add(line);
            length += line.Length + 1;
            shown++;
        }
        var text = Mrkdwn.CodeBlock(lines);
        return shown < total ? text + "\n_" + string.Format(CultureInfo.InvariantCulture, andMoreFormat, total - shown) + "_" : text;
    }

    /// <summary>One line per cell, no wider than <see cref="MaxCellWidth"/>.</summary>
    private static string Clean(string? cell) =>
        Mrkdwn.Fit((cell ?? "").ReplaceLineEndings(" ").Replace('\t', ' ').Trim(), MaxCellWidth);
}
