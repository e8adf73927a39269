namespace RevBot.Data.Csv.Mapping;

/// <summary>A source row as a mapping sees it: its cells with the file's <c>normalise</c> spellings applied.</summary>
internal readonly struct MappedRow(SourceRow row, IReadOnlyDictionary<int, IReadOnlyDictionary<string, string>> normalise)
{
    public int Line => row.Line;

    public string this[int column]
    {
        get
        {
            var cell = row.Cells[column];
            return normalise.TryGetValue(column, out var spellings) && spellings.TryGetValue(cell, out var better) ? better : cell;
        }
    }
}
