using CsvHelper;

namespace RevBot.Data.Csv;

/// <summary>
/// One file of an import folder, read whole: its known columns mapped by header name, its rows with their line
/// numbers. Header problems go to the context: unknown columns as warnings, missing required ones as errors.
/// </summary>
internal sealed class CsvSheet
{
    private static readonly CsvReaderOptions Options = CsvReaderOptions.Default with { Separator = ',', TrackLineNumbers = true };

    private readonly bool[] _present;

    private CsvSheet(CsvFileSpec spec, ImportContext context, bool[] present, string file, string[] columnNames)
    {
        Spec = spec;
        Context = context;
        _present = present;
        File = file;
        _columnNames = columnNames;
        context.FileOrder.Add(file);
    }

    private readonly string[] _columnNames;

    public CsvFileSpec Spec { get; }

    public ImportContext Context { get; }

    /// <summary>The file errors name: the canonical file itself, or the export file a mapping read the rows from.</summary>
    public string File { get; }

    /// <summary>The column errors name: the canonical column, or the source column a mapping read it from.</summary>
    public string ColumnName(string column) => _columnNames[Spec.Slot(column)];

    public List<CsvRow> Rows { get; } = [];

    /// <summary>Whether the file's header has the column.</summary>
    public bool Has(string column) => _present[Spec.Slot(column)];

    /// <summary>Reads <paramref name="spec"/>'s file from the folder; null when the file is absent.</summary>
    public static CsvSheet? Read(string folder, CsvFileSpec spec, ImportContext context)
    {
        var path = Path.Combine(folder, spec.Name);
        if (!System.IO.File.Exists(path)) return null;
        using var reader = CsvReader.FromFile(path, Options);
        var headers = reader.Headers.ToArray();
        if (headers.Length == 0 || headers.All(string.IsNullOrWhiteSpace))
        {
            context.Errors.Add(new CsvIssue(spec.Name, 1, null, "the header row is missing"));
            return null;
        }
        var slots = MapHeader(spec, headers, context);
        var present = new bool[spec.Columns.Length];
        foreach (var slot in slots) if (slot >= 0) present[slot] = true;
        foreach (var column in spec.Required)
            if (!present[spec.Slot(column)]) context.Errors.Add(new CsvIssue(spec.Name, 1, column, "required column is missing"));

        var sheet = new CsvSheet(spec, context, present, spec.Name, spec.Columns);
        while (reader.Read())
        {
            var line = (int)reader.LineNumber;
            if (context.IsExcluded(spec.Name, line)) continue;
            var cells = new string?[spec.Columns.Length];
            var blank = true;
            for (var i = 0; i < reader.FieldCount && i < slots.Length; i++)
            {
                var value = reader.GetString(i).Trim();
                if (value.Length == 0) continue;
                blank = false;
                if (slots[i] >= 0) cells[slots[i]] = value;
            }
            if (blank) continue;
            if (reader.FieldCount != headers.Length)
                context.Errors.Add(new CsvIssue(spec.Name, line, null, $"the row has {reader.FieldCount} fields but the header has {headers.Length}"));
            sheet.Rows.Add(new CsvRow(sheet, line, cells));
        }
        return sheet;
    }

    /// <summary>
    /// A sheet of canonical rows made by a mapping from another file: <paramref name="columnNames"/> are the source
    /// columns errors name, and each row keeps its line in <paramref name="file"/>.
    /// </summary>
    public static CsvSheet Mapped(CsvFileSpec spec, ImportContext context, string file, bool[] present, string[] columnNames) =>
        new(spec, context, present, file, columnNames);

    /// <summary>Adds a mapped row; <paramref name="reported"/> marks cells whose error the mapping already reported.</summary>
    public void Add(int line, string?[] cells, bool[]? reported) => Rows.Add(new CsvRow(this, line, cells, reported));

    /// <summary>For each field of the header, the slot of the column it names, or -1 for an unknown column.</summary>
    private static int[] MapHeader(CsvFileSpec spec, string[] headers, ImportContext context)
    {
        var slots = new int[headers.Length];
        var seen = new HashSet<int>();
        for (var i = 0; i < headers.Length; i++)
        {
            var name = headers[i].Trim();
            var slot = Array.FindIndex(spec.Columns, c => string.Equals(c, name, StringComparison.OrdinalIgnoreCase));
            slots[i] = slot;
            if (slot < 0)
                context.Warnings.Add(new CsvIssue(spec.Name, 1, name.Length == 0 ? $"#{i + 1}" : name, "unknown column, ignored"));
            else if (!seen.Add(slot))
            {
                context.Errors.Add(new CsvIssue(spec.Name, 1, name, "the column appears twice"));
                slots[i] = -1;
            }
        }
        return slots;
    }
}
