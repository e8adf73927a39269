namespace RevBot.Data.Csv;

/// <summary>A cell of an import file, kept for reporting a reference that turns out to be unknown.</summary>
internal readonly record struct CsvPlace(string File, int Line, string Column)
{
    public CsvIssue Issue(string message) => new(File, Line, Column, message);
}
