namespace RevBot.Data.Csv;

/// <summary>How <see cref="CsvImporter"/> treats invalid rows, and its clock for the audit entry.</summary>
public sealed record CsvImportOptions
{
    /// <summary>Import the valid rows and list the refused ones (<see cref="CsvImportResult.Refused"/>) instead of refusing everything.</summary>
    public bool SkipInvalid { get; init; }

    public TimeProvider? Time { get; init; }
}
