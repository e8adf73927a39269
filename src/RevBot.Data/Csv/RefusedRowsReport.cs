using CsvHelper;

namespace RevBot.Data.Csv;

/// <summary>The <c>--skip-invalid</c> report: one line per reason a row was refused (file, line, column, reason), header always.</summary>
public static class RefusedRowsReport
{
    public static void Write(string path, IEnumerable<CsvIssue> refused)
    {
        using var writer = CsvWriter.ToFile(path, CsvWriterOptions.Default with { NewLine = "\n" });
        writer.WriteHeader(["file", "line", "column", "reason"]);
        foreach (var issue in refused)
        {
            writer.WriteField(issue.File);
            writer.WriteField(issue.Line.ToString(System.Globalization.CultureInfo.InvariantCulture));
            writer.WriteField(issue.Column ?? "");
            writer.WriteField(issue.Message);
            writer.EndRecord();
        }
    }
}
