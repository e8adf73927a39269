namespace RevBot.Data.Csv;

public sealed record CsvExportedFile(string File, int Rows);
