using System.Globalization;
using RevBot.Core.Replies;
using RevBot.Slack.Protocol.BlockKit;

namespace RevBot.Slack.App.Rendering;

/// <summary>
/// A reply table as a real list (<see cref="NarrowTable"/>), never a code block, whose ~110-character lines wrap on a
/// phone. A breakdown ("West | 42%") is section fields, one per row ("*West*\n42.0%"), ten to a section under a heading
/// line; any other table is a list of sections, <see cref="RowsPerSection"/> rows each, a row reading
/// "*Acme — Renewal*  $584K" and, under it, its other columns ("Jane Cooper · Proposal · closes Dec 12").
/// At most <see cref="MaxRows"/> rows; past them (or past what the table holds) a context line says "… and N more".
/// </summary>
internal static class ListText
{
    public const int MaxRows = 30;
    public const int RowsPerSection = 5;

    /// <summary>A row's share of a section's 3000 characters, so five always fit.</summary>
    private const int MaxRowText = BlockKitLimits.SectionText / RowsPerSection - 2;

    public static IReadOnlyList<Block> Render(ReplyTable table, string andMoreFormat)
    {
        ArgumentNullException.ThrowIfNull(table);
        var list = NarrowTable.From(table);
        var rows = list.Rows.Take(MaxRows).ToList();
        var blocks = new List<Block>();
        if (list.IsBreakdown && list.Columns.Count > 1)
        {
            // The name's heading in bold, then the numbers'; a rank column ("#") before the name needs none.
            var heading = new MrkdwnText(Mrkdwn.Fit(string.Join("  ·  ", list.Columns.Select((c, i) => (c, i)).Skip(list.NameColumn)
                .Select(x => x.i == list.NameColumn ? $"*{Clean(x.c.Header)}*" : Clean(x.c.Header))), BlockKitLimits.SectionText));
            blocks.AddRange(rows.Chunk(BlockKitLimits.SectionFields).Select((chunk, i) => new SectionBlock(i == 0 ? heading : null)
            {
                Fields = [.. chunk.Select(r => (TextObject)new MrkdwnText(Mrkdwn.Fit($"*{Name(list, r)}*\n{Values(list, r)}", BlockKitLimits.FieldText)))],
            }));
        }
        else
        {
            blocks.AddRange(rows.Chunk(RowsPerSection).Select(chunk => new SectionBlock(new MrkdwnText(string.Join("\n", chunk.Select(r => Row(list, r)))))));
        }
        if (list.TotalRows > rows.Count)
            blocks.Add(new ContextBlock([new MrkdwnText("_" + string.Format(CultureInfo.InvariantCulture, andMoreFormat, list.TotalRows - rows.Count) + "_")]));
        return blocks;
    }

    /// <summary>"*Acme — Renewal*  $584K", then the second line, if any: the other text columns, then the table's second line.</summary>
    private static string Row(NarrowTable list, NarrowRow row)
    {
        var values = Values(list, row);
        var line = $"*{Name(list, row)}*" + (values.Length > 0 ? "  " + values : "");
        var texts = After(list).Where(i => !list.Columns[i].Numeric).Select(i => Cell(row, i)).Append(Clean(row.Detail)).Where(c => c.Length > 0 && c != "—");
        var second = string.Join(" · ", texts);
        return Mrkdwn.Fit(second.Length > 0 ? line + "\n" + second : line, MaxRowText);
    }

    /// <summary>The name, after the number columns before it read as a rank ("3. West").</summary>
    private static string Name(NarrowTable list, NarrowRow row)
    {
        var rank = string.Concat(Enumerable.Range(0, list.NameColumn).Select(i => Cell(row, i)).Where(c => c.Length > 0).Select(c => c.EndsWith('.') ? c + " " : c + ". "));
        return Mrkdwn.Fit(rank + Cell(row, list.NameColumn), MaxRowText / 2);
    }

    /// <summary>The numbers after the name, side by side ("44.1%  ·  +3.2 pts").</summary>
    private static string Values(NarrowTable list, NarrowRow row) =>
        string.Join("  ·  ", After(list).Where(i => list.Columns[i].Numeric).Select(i => Cell(row, i)).Where(c => c.Length > 0));

    private static IEnumerable<int> After(NarrowTable list) => Enumerable.Range(list.NameColumn + 1, Math.Max(0, list.Columns.Count - list.NameColumn - 1));

    private static string Cell(NarrowRow row, int i) => i < row.Cells.Count ? Clean(row.Cells[i]) : "";

    /// <summary>One line, escaped: a line break inside a cell would read as a new row.</summary>
    private static string Clean(string? text) => Mrkdwn.Escape((text ?? "").ReplaceLineEndings(" ").Trim());
}
