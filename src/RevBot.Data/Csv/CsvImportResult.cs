namespace RevBot.Data.Csv;

/// <summary>
/// The outcome of <see cref="CsvImporter.ImportAsync(Core.Storage.RevBotDb, CsvSource, CsvImportOptions, CancellationToken)"/>:
/// either every file was written (<see cref="Files"/>), or the import was refused and <see cref="Errors"/> lists every
/// bad row while the database is untouched.
/// </summary>
public sealed record CsvImportResult(IReadOnlyList<CsvFileCounts> Files, IReadOnlyList<CsvIssue> Errors, IReadOnlyList<CsvIssue> Warnings)
{
    public bool Succeeded => Errors.Count == 0;

    /// <summary>Users that were referenced by email only and created by this import.</summary>
    public int UsersCreatedFromEmail { get; init; }

    /// <summary>With <c>--skip-invalid</c>: why each left-out row was refused (a row may have several reasons).</summary>
    public IReadOnlyList<CsvIssue> Refused { get; init; } = [];

    /// <summary>Rows a mapping's skip rules left out on purpose.</summary>
    public IReadOnlyList<CsvFilteredRows> Filtered { get; init; } = [];

    /// <summary>Rows deleted because a sync listed them (<see cref="CanonicalRows.Delete"/>), per canonical file.</summary>
    public IReadOnlyDictionary<string, int> Deleted { get; init; } = new Dictionary<string, int>();

    public bool ChangedAnything => Files.Any(f => f.Inserted + f.Updated > 0) || Deleted.Values.Any(n => n > 0);
}
