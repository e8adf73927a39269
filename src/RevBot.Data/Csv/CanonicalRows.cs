namespace RevBot.Data.Csv;

/// <summary>
/// Canonical rows made in memory rather than read from files: a sync's batch of records, each already turned into a
/// row of a canonical file (docs/data-format.md names the files and columns). Imported through
/// <see cref="CsvSource.Rows"/>, they go through the same checks and the same upsert as a folder of files. Each row
/// carries a label (the record's own id) so a refused row can be named the way its system names it; ids to delete
/// (records the system archived or deleted) are removed in the same transaction.
/// </summary>
public sealed class CanonicalRows(string name)
{
    /// <summary>The files whose rows a sync may delete; an account is never deleted, since deals and history refer to it.</summary>
    public static readonly IReadOnlySet<string> Deletable = new HashSet<string>(StringComparer.Ordinal)
        { "contacts.csv", "deals.csv", "activities.csv", "subscriptions.csv" };

    private readonly Dictionary<string, List<(string Label, IReadOnlyDictionary<string, string?> Cells)>> _rows = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _deleted = new(StringComparer.Ordinal);

    /// <summary>What the rows are, in errors and the audit entry: "hubspot deals".</summary>
    public string Name => name;

    public int Count => _rows.Values.Sum(r => r.Count);

    public int DeletedCount => _deleted.Values.Sum(d => d.Count);

    /// <summary>Adds a row to <paramref name="file"/> ("deals.csv"); cells by canonical column name, null or absent for empty.</summary>
    public CanonicalRows Add(string file, string label, IReadOnlyDictionary<string, string?> cells)
    {
        var spec = Spec(file);
        foreach (var column in cells.Keys) spec.Slot(column);
        if (!_rows.TryGetValue(file, out var rows)) _rows[file] = rows = [];
        rows.Add((label, cells));
        return this;
    }

    /// <summary>Deletes the row with this canonical id, if stored, when the rows are imported.</summary>
    public CanonicalRows Delete(string file, string id)
    {
        if (!Deletable.Contains(file)) throw new ArgumentException($"{file} rows are not deleted by a sync", nameof(file));
        if (!_deleted.TryGetValue(file, out var ids)) _deleted[file] = ids = [];
        ids.Add(id);
        return this;
    }

    /// <summary>The rows of one canonical file, in order: cells by canonical column name.</summary>
    public IEnumerable<IReadOnlyDictionary<string, string?>> RowsOf(string file) =>
        _rows.TryGetValue(file, out var rows) ? rows.Select(r => r.Cells) : [];

    /// <summary>
    /// Sets cells of the rows of <paramref name="file"/> whose <paramref name="key"/> column names an entry of
    /// <paramref name="cells"/>: that entry's cells replace the row's, its other cells stay.
    /// </summary>
    public void SetCells(string file, string key, IReadOnlyDictionary<string, Dictionary<string, string?>> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.Count == 0 || !_rows.TryGetValue(file, out var rows)) return;
        var spec = Spec(file);
        for (var i = 0; i < rows.Count; i++)
        {
            if (!rows[i].Cells.TryGetValue(key, out var id) || id is null || !cells.TryGetValue(id, out var set)) continue;
            var merged = new Dictionary<string, string?>(rows[i].Cells, StringComparer.Ordinal);
            foreach (var (column, value) in set)
            {
                spec.Slot(column);
                merged[column] = value;
            }
            rows[i] = (rows[i].Label, merged);
        }
    }

    /// <summary>The label of the row an issue is about ("hubspot deals:3" → "1234"); null for an issue about no row.</summary>
    public string? LabelOf(CsvIssue issue)
    {
        var file = issue.File.StartsWith(name + " ", StringComparison.Ordinal) ? issue.File[(name.Length + 1)..] : null;
        return file is not null && _rows.TryGetValue(file, out var rows) && issue.Line - 2 is var i && i >= 0 && i < rows.Count
            ? rows[i].Label : null;
    }

    internal IReadOnlyDictionary<string, List<string>> Deleted => _deleted;

    internal bool IsEmpty => _rows.Count == 0;

    /// <summary>The rows of one canonical file as a sheet; each row's "line" is its position + 2, as if under a header.</summary>
    internal CsvSheet? Sheet(CsvFileSpec spec, ImportContext ctx)
    {
        if (!_rows.TryGetValue(spec.Name, out var rows)) return null;
        var present = new bool[spec.Columns.Length];
        foreach (var (_, cells) in rows)
            foreach (var column in cells.Keys) present[spec.Slot(column)] = true;
        var file = $"{name} {spec.Name}";
        var sheet = CsvSheet.Mapped(spec, ctx, file, present, spec.Columns);
        for (var i = 0; i < rows.Count; i++)
        {
            var line = i + 2;
            if (ctx.IsExcluded(file, line)) continue;
            var values = new string?[spec.Columns.Length];
            foreach (var (column, value) in rows[i].Cells)
                if (!string.IsNullOrWhiteSpace(value)) values[spec.Slot(column)] = value.Trim();
            sheet.Add(line, values, null);
        }
        return sheet;
    }

    private static CsvFileSpec Spec(string file) =>
        Array.Find(ImportBatch.Files, f => f.Name == file) ?? throw new ArgumentException($"{file} is not a canonical file", nameof(file));
}
