using System.Globalization;
using RevBot.Core.Localization;
using RevBot.Core.Replies;
using RevBot.Teams.Protocol.Cards;

namespace RevBot.Teams.App.Rendering;

/// <summary>
/// A <see cref="ReplyTable"/> as a list that survives a phone (<see cref="NarrowTable"/>): a Container (id
/// <see cref="ContainerId"/>) of one ColumnSet per row under a bold heading row. The name column stretches and wraps on
/// words; number columns are "auto" wide, right-aligned and unwrapped, so "$584,000" never breaks; the other columns
/// read as a small subtle line under the name. Not an Adaptive Card Table: its columns take only relative or pixel
/// widths, which split numbers at 320 px. Ends with "and N more" when rows are cut.
/// </summary>
internal static class ReplyTableRenderer
{
    public const string ContainerId = "reply_table";

    public static IEnumerable<CardElement> Render(ReplyTable table, int rowsShown, string language = Texts.Neutral)
    {
        if (table.Columns.Count == 0) yield break;
        var list = NarrowTable.From(table);
        var detailed = list.Rows.Any(r => r.Detail.Length > 0);
        var header = Row(list, [.. list.Columns.Select(c => c.Header)], "", bold: true, separator: false);
        var rows = list.Rows.Take(rowsShown).Select(r => Row(list, r.Cells, r.Detail, bold: false, separator: detailed));
        yield return new Container { Id = ContainerId, Spacing = Spacing.Medium, Items = [header, .. rows] };
        var more = list.TotalRows - Math.Min(rowsShown, list.Rows.Count);
        if (more > 0)
            yield return new TextBlock { Text = Texts.Get(language, nameof(Catalog.TeamsAndMore), more), Size = TextSize.Small, IsSubtle = true, Spacing = Spacing.Small, Wrap = true };
    }

    /// <summary>A chart's points as a two-column table (Teams cards cannot draw charts; an image may replace this later).</summary>
    public static ReplyTable FromChart(ReplyChart chart, string language = Texts.Neutral) => new(
        [chart.Title, chart.Unit ?? Texts.Get(language, nameof(Catalog.TeamsChartValue))],
        [.. chart.Points.Select(p => (IReadOnlyList<string>)[p.Label, double.IsFinite(p.Value) ? Formats.Decimal((decimal)p.Value, language, 2, trimZeros: true) : "–"])],
        chart.Points.Count)
    { NumericColumns = new HashSet<int> { 1 } };

    /// <summary>One row: a column per cell; the second line goes under the name. Rows with second lines are set apart by a rule.</summary>
    private static ColumnSet Row(NarrowTable list, IReadOnlyList<string> cells, string detail, bool bold, bool separator) => new()
    {
        Spacing = separator ? Spacing.Small : Spacing.None,
        Separator = separator ? true : null,
        Columns = [.. list.Columns.Select((c, i) => Cell(c, i < cells.Count ? cells[i] : "", i == list.NameColumn ? detail : "", bold))],
    };

    private static Column Cell(NarrowColumn column, string text, string detail, bool bold)
    {
        var main = new TextBlock
        {
            Text = CardText.Escape(text),
            Weight = bold ? TextWeight.Bolder : null,
            // Numbers stay on one line (an "auto" column is as wide as they are); words wrap between words.
            Wrap = column.Numeric ? null : true,
            HorizontalAlignment = column.Numeric ? HorizontalAlignment.Right : null,
        };
        return new Column
        {
            Width = column.Numeric ? ColumnWidth.Auto : ColumnWidth.Stretch,
            Items = detail.Length == 0
                ? [main]
                : [main, new TextBlock { Text = CardText.Escape(detail), Size = TextSize.Small, IsSubtle = true, Wrap = true, Spacing = Spacing.None }],
        };
    }
}
