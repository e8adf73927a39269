using System.Globalization;
using CsvHelper;

namespace RevBot.Testing.Datasets;

/// <summary>A published CSV file read as it is: one dictionary per row, keyed by the header's column names.</summary>
public static class RawCsv
{
    public static List<Dictionary<string, string>> Read(string path)
    {
        using var reader = CsvReader.FromFile(path, CsvReaderOptions.Default with { Separator = ',' });
        var header = reader.Headers.ToArray();
        var rows = new List<Dictionary<string, string>>();
        while (reader.Read())
            rows.Add(header.Select((h, i) => (h, v: reader.GetString(i))).ToDictionary(x => x.h, x => x.v.Trim(), StringComparer.Ordinal));
        return rows;
    }

    public static DateOnly Date(string s) => DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly? OptionalDate(string s) => s.Length == 0 ? null : Date(s);

    public static decimal Money(string s) => decimal.Parse(s, NumberStyles.Number, CultureInfo.InvariantCulture);

    /// <summary>Writes a canonical file (docs/data-format.md): a header and one row per record, quoted where needed.</summary>
    public static void Write(string path, string[] header, IEnumerable<string?[]> rows)
    {
        using var writer = CsvWriter.ToFile(path, CsvWriterOptions.Default with { NewLine = "\n" });
        writer.WriteHeader(header);
        foreach (var row in rows)
        {
            foreach (var cell in row) writer.WriteField(cell ?? "");
            writer.EndRecord();
        }
    }

    public static string Text(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Text(decimal d) => d.ToString(CultureInfo.InvariantCulture);
}
