using RevBot.Core.Domain;
using RevBot.Core.Storage;

namespace RevBot.Data.Csv;

/// <summary>How <see cref="CsvImporter"/> treats invalid rows, its clock and channel for the audit entry, and what it runs before committing.</summary>
public sealed record CsvImportOptions
{
    /// <summary>Import the valid rows and list the refused ones (<see cref="CsvImportResult.Refused"/>) instead of refusing everything.</summary>
    public bool SkipInvalid { get; init; }

    public TimeProvider? Time { get; init; }

    /// <summary>Where the change came from, for the audit entry: an import, or a sync.</summary>
    public ChangeChannel Channel { get; init; } = ChangeChannel.Import;

    /// <summary>
    /// Runs inside the import's transaction after the rows are written and before it commits: a sync stores its cursor
    /// here, so the cursor moves if and only if the batch it follows is committed. Not called for a refused import.
    /// </summary>
    public Func<RevBotDb, CancellationToken, Task>? BeforeCommit { get; init; }
}
