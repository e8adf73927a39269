using System.Globalization;

namespace RevBot.Data.Csv.Mapping;

/// <summary>
/// One canonical file made from one export file: each source row is normalised, filtered, and turned into a
/// canonical row by the column expressions (optionally merged with the rows sharing its <c>group_by</c> values, their
/// <c>sum</c> columns added). The rows then go through the canonical file's own checks, errors naming the source's
/// file, line and column.
/// </summary>
internal sealed class MappedFile(
    CsvFileSpec spec, SourceTable from, IReadOnlyDictionary<int, IReadOnlyDictionary<string, string>> normalise,
    IReadOnlyList<RowFilter> skip, ColumnExpr?[] columns, int[] groupBy, int[] sum)
{
    public CsvFileSpec Spec => spec;

    public CsvSheet Build(ImportContext ctx)
    {
        var present = Array.ConvertAll(columns, c => c is not null);
        var names = spec.Columns.Select((c, i) => columns[i]?.Display ?? c).ToArray();
        var sheet = CsvSheet.Mapped(spec, ctx, from.Name, present, names);
        var filtered = skip.ToDictionary(f => f, _ => 0);
        var groups = new Dictionary<string, (int Line, string?[] Cells, decimal[] Sums)>(StringComparer.Ordinal);
        foreach (var source in from.Rows)
        {
            if (ctx.IsExcluded(from.Name, source.Line)) continue;
            if (source.Problem is not null)
            {
                ctx.Errors.Add(new CsvIssue(from.Name, source.Line, null, source.Problem));
                continue;
            }
            var row = new MappedRow(source, normalise);
            if (skip.FirstOrDefault(f => f.Matches(row)) is { } rule)
            {
                filtered[rule]++;
                continue;
            }
            var (cells, reported) = Evaluate(row, ctx);
            if (groupBy.Length == 0 || reported is not null) sheet.Add(source.Line, cells, reported);
            else Group(groups, source.Line, cells, ctx);
        }
        foreach (var (line, cells, sums) in groups.Values)
        {
            for (var i = 0; i < sum.Length; i++) cells[sum[i]] = sums[i].ToString(CultureInfo.InvariantCulture);
            sheet.Add(line, cells, null);
        }
        ctx.Filtered.AddRange(filtered.Where(f => f.Value > 0).Select(f => new CsvFilteredRows(from.Name, f.Key.Reason, f.Value)));
        return sheet;
    }

    private (string?[] Cells, bool[]? Reported) Evaluate(MappedRow row, ImportContext ctx)
    {
        var cells = new string?[columns.Length];
        bool[]? reported = null;
        for (var slot = 0; slot < columns.Length; slot++)
        {
            if (columns[slot] is not { } expr) continue;
            if (expr.TryEvaluate(row, out var value, out var problem)) cells[slot] = value;
            else
            {
                ctx.Errors.Add(new CsvIssue(from.Name, row.Line, problem!.Value.Column, problem.Value.Message));
                (reported ??= new bool[columns.Length])[slot] = true;
            }
        }
        return (cells, reported);
    }

    /// <summary>Adds the row into its group; a summed cell that is not a number is reported and the row left out.</summary>
    private void Group(Dictionary<string, (int Line, string?[] Cells, decimal[] Sums)> groups, int line, string?[] cells, ImportContext ctx)
    {
        var amounts = new decimal[sum.Length];
        for (var i = 0; i < sum.Length; i++)
        {
            var cell = cells[sum[i]];
            if (cell is null) continue;
            if (!decimal.TryParse(cell, NumberStyles.Number, CultureInfo.InvariantCulture, out amounts[i]))
            {
                ctx.Errors.Add(new CsvIssue(from.Name, line, columns[sum[i]]!.Display, $"'{ColumnExpr.Short(cell)}' is not a number to sum"));
                return;
            }
        }
        var key = string.Join('\u001f', groupBy.Select(s => cells[s]));
        if (groups.TryGetValue(key, out var group))
            for (var i = 0; i < sum.Length; i++) group.Sums[i] += amounts[i];
        else groups.Add(key, (line, cells, amounts));
    }
}
