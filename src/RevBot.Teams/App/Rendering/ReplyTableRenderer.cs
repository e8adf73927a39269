using System.Globalization;
using RevBot.Core.Localization;
using RevBot.Core.Replies;
using RevBot.Teams.Protocol.Cards;

namespace RevBot.Teams.App.Rendering;

/// <summary>A <see cref="ReplyTable"/> as an Adaptive Card Table: a bold header row, numeric columns right-aligned, "and N more".</summary>
internal static class ReplyTableRenderer
{
    public static IEnumerable<CardElement> Render(ReplyTable table, int rowsShown, string language = Texts.Neutral)
    {
        var width = table.Columns.Count;
        if (width == 0) yield break;
        var header = new TableRow { Cells = [.. table.Columns.Select(c => Cell(c, bold: true))] };
        var rows = table.Rows.Take(rowsShown).Select(r => new TableRow
        {
            Cells = [.. Enumerable.Range(0, width).Select(i => Cell(i < r.Count ? r[i] : "", bold: false))],
        });
        yield return new Table
        {
            Spacing = Spacing.Medium,
            FirstRowAsHeader = true,
            Columns = [.. Enumerable.Range(0, width).Select(i => new TableColumnDefinition
            {
                // The first column holds names; give it room. Numbers line up on the right.
                Width = ColumnWidth.Relative(i == 0 && width > 1 ? 2 : 1),
                HorizontalCellContentAlignment = table.NumericColumns.Contains(i) ? HorizontalAlignment.Right : null,
            })],
            Rows = [header, .. rows],
        };
        var more = Math.Max(table.TotalRows, table.Rows.Count) - Math.Min(rowsShown, table.Rows.Count);
        if (more > 0)
            yield return new TextBlock { Text = Texts.Get(language, nameof(Catalog.TeamsAndMore), more), Size = TextSize.Small, IsSubtle = true, Spacing = Spacing.Small, Wrap = true };
    }

    /// <summary>A chart's points as a two-column table (Teams cards cannot draw charts; an image may replace this later).</summary>
    public static ReplyTable FromChart(ReplyChart chart, string language = Texts.Neutral) => new(
        [chart.Title, chart.Unit ?? Texts.Get(language, nameof(Catalog.TeamsChartValue))],
        [.. chart.Points.Select(p => (IReadOnlyList<string>)[p.Label, p.Value.ToString("#,0.##", CultureInfo.InvariantCulture)])],
        chart.Points.Count)
    { NumericColumns = new HashSet<int> { 1 } };

    private static TableCell Cell(string text, bool bold) => new()
    {
        Items = [new TextBlock { Text = CardText.Escape(text), Wrap = true, Weight = bold ? TextWeight.Bolder : null }],
    };
}
