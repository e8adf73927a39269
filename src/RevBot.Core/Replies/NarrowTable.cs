using System.Globalization;

namespace RevBot.Core.Replies;

/// <summary>
/// A <see cref="ReplyTable"/> laid out for a 320 px phone, the one layout Slack and Teams both render: at most three
/// columns (a name that wraps on words, numbers that never break) and, per row, a second line with the other columns
/// ("Jane Cooper · Proposal · closes Dec 12"). Empty cells ("—") and cells the name already says are left off it.
/// </summary>
public sealed record NarrowTable(IReadOnlyList<NarrowColumn> Columns, IReadOnlyList<NarrowRow> Rows, int TotalRows)
{
    public const int MaxColumns = 3;

    /// <summary>The column holding the row's name (and its second line): the first text column, else the first.</summary>
    public int NameColumn { get; } = Math.Max(0, Columns.ToList().FindIndex(c => !c.Numeric));

    /// <summary>True when no row has a second line and every column but the name is a number: a breakdown ("West | 42%").</summary>
    public bool IsBreakdown => Rows.All(r => r.Detail.Length == 0) && Columns.Where((_, i) => i != NameColumn).All(c => c.Numeric);

    public static NarrowTable From(ReplyTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var shown = Shown(table);
        var columns = shown.Select(i => new NarrowColumn(table.Columns[i], table.NumericColumns.Contains(i))).ToList();
        var nameAt = Math.Max(0, columns.FindIndex(c => !c.Numeric));
        var rest = Enumerable.Range(0, table.Columns.Count).Where(i => !shown.Contains(i)).ToList();
        var rows = table.Rows.Select(r =>
        {
            string Cell(int i) => i < r.Count ? (r[i] ?? "").ReplaceLineEndings(" ").Trim() : "";
            var name = shown.Count > 0 ? Cell(shown[nameAt]) : "";
            var detail = rest.Select(i => (i, Cell(i)))
                .Where(c => c.Item2.Length > 0 && c.Item2 != "—" && !(Plain(table, c.i) && name.Contains(c.Item2, StringComparison.OrdinalIgnoreCase)))
                .Select(c => Detail(table, c.i, c.Item2));
            return new NarrowRow([.. shown.Select(Cell)], string.Join(" · ", detail));
        }).ToList();
        return new NarrowTable(columns, rows, Math.Max(table.TotalRows, table.Rows.Count));
    }

    private static List<int> Shown(ReplyTable table)
    {
        var all = Enumerable.Range(0, table.Columns.Count).ToList();
        if (table.NarrowColumns is { } chosen)
            return [.. chosen.Where(i => i >= 0 && i < table.Columns.Count).Distinct().Take(MaxColumns)];
        if (all.Count <= MaxColumns) return all;
        var name = all.FirstOrDefault(i => !table.NumericColumns.Contains(i));
        var value = all.LastOrDefault(i => table.NumericColumns.Contains(i) && i != name, -1);
        return value < 0 ? [name] : [.. new[] { name, value }.Order()];
    }

    /// <summary>A text cell read as it is (an account, an owner): left off when the name says it already ("Acme — Renewal").</summary>
    private static bool Plain(ReplyTable table, int column) => !table.NumericColumns.Contains(column) && !table.DetailFormats.ContainsKey(column);

    private static string Detail(ReplyTable table, int column, string cell) =>
        table.DetailFormats.TryGetValue(column, out var format) ? string.Format(CultureInfo.InvariantCulture, format, cell)
        : table.NumericColumns.Contains(column) ? $"{table.Columns[column]}: {cell}"
        : cell;
}

/// <summary>A column of a <see cref="NarrowTable"/>: its heading, and whether it holds numbers (right-aligned, never broken).</summary>
public sealed record NarrowColumn(string Header, bool Numeric);

/// <summary>A row of a <see cref="NarrowTable"/>: one cell per column, and the second line ("" when there is none).</summary>
public sealed record NarrowRow(IReadOnlyList<string> Cells, string Detail);
