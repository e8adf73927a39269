namespace RevBot.Data.Csv.Mapping;

/// <summary>
/// A value from another file of the same export: the row of <see cref="Table"/> whose <see cref="Key"/> column equals
/// this row's <see cref="Match"/> column gives its <see cref="Take"/> column (a product's list price, an agent's office).
/// </summary>
internal sealed class Lookup(SourceTable table, int key, int match, int take, bool missingIsEmpty)
{
    private Dictionary<string, int>? _index;

    public SourceTable Table => table;

    public bool TryFind(MappedRow row, out string? value, out string? error)
    {
        value = null;
        error = null;
        var wanted = row[match];
        if (wanted.Length == 0) return true;
        _index ??= Index();
        if (!_index.TryGetValue(wanted, out var at))
        {
            if (!missingIsEmpty) error = $"no row of {table.Name} has {table.Header[key]} '{ColumnExpr.Short(wanted)}'";
            return missingIsEmpty;
        }
        if (at < 0)
        {
            error = $"several rows of {table.Name} have {table.Header[key]} '{ColumnExpr.Short(wanted)}'";
            return false;
        }
        value = table.Rows[at].Cells[take];
        return true;
    }

    /// <summary>Key → row index, or -1 when several rows share the key (a lookup must find one row).</summary>
    private Dictionary<string, int> Index()
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < table.Rows.Count; i++)
            if (!index.TryAdd(table.Rows[i].Cells[key], i)) index[table.Rows[i].Cells[key]] = -1;
        return index;
    }
}
