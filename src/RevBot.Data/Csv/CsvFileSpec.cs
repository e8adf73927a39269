namespace RevBot.Data.Csv;

/// <summary>One canonical file: its name, its columns in export order, and which of them are required.</summary>
internal sealed record CsvFileSpec(string Name, string[] Columns, string[] Required)
{
    private readonly Dictionary<string, int> _slots = Columns.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i, StringComparer.Ordinal);

    /// <summary>The column's position in <see cref="Columns"/>; throws for a name that is not one (a bug, not bad input).</summary>
    public int Slot(string column) => _slots.TryGetValue(column, out var i) ? i : throw new ArgumentException($"{Name} has no column {column}", nameof(column));

    public bool IsRequired(string column) => Required.Contains(column, StringComparer.Ordinal);
}
