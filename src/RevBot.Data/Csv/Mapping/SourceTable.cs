using CsvHelper;

namespace RevBot.Data.Csv.Mapping;

/// <summary>
/// One export file as it is: its header, read when the mapping is loaded (so a misspelt column is found before any row
/// is read), and its rows with their line numbers, read once when first needed. Cells are trimmed.
/// </summary>
internal sealed class SourceTable
{
    private static readonly CsvReaderOptions Options = CsvReaderOptions.Default with { Separator = ',', TrackLineNumbers = true };

    private readonly string _path;
    private readonly Dictionary<string, int> _columns = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lazy<List<SourceRow>> _rows;

    private SourceTable(string path, string[] header)
    {
        _path = path;
        Header = header;
        for (var i = 0; i < header.Length; i++) _columns.TryAdd(header[i], i);
        _rows = new Lazy<List<SourceRow>>(ReadRows);
    }

    public string Name => Path.GetFileName(_path);

    public string[] Header { get; }

    public IReadOnlyList<SourceRow> Rows => _rows.Value;

    /// <summary>The column's position, matched ignoring case and surrounding spaces; -1 when the header lacks it.</summary>
    public int Column(string name) => _columns.TryGetValue(name.Trim(), out var i) ? i : -1;

    /// <summary>Opens the file and reads its header; null when the file is absent.</summary>
    public static SourceTable? Open(string path)
    {
        if (!File.Exists(path)) return null;
        using var reader = CsvReader.FromFile(path, Options);
        return new SourceTable(path, [.. reader.Headers.Select(h => h.Trim())]);
    }

    private List<SourceRow> ReadRows()
    {
        using var reader = CsvReader.FromFile(_path, Options);
        var rows = new List<SourceRow>();
        while (reader.Read())
        {
            var cells = new string[Header.Length];
            var blank = true;
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = i < reader.FieldCount ? reader.GetString(i).Trim() : "";
                blank &= cells[i].Length == 0;
            }
            for (var i = cells.Length; i < reader.FieldCount && blank; i++) blank = reader.GetString(i).Trim().Length == 0;
            if (blank) continue;
            var problem = reader.FieldCount == Header.Length ? null : $"the row has {reader.FieldCount} fields but the header has {Header.Length}";
            rows.Add(new SourceRow((int)reader.LineNumber, cells, problem));
        }
        return rows;
    }
}

/// <summary>A row of an export file: its line (the header is line 1), its trimmed cells, and what is wrong with its shape.</summary>
internal sealed record SourceRow(int Line, string[] Cells, string? Problem);
