namespace RevBot.Data.Csv;

/// <summary>
/// Where an import's canonical rows come from: a folder of canonical files (<see cref="Folder"/>), or a folder of
/// export files read through a mapping (<see cref="Mapping.CsvMapping"/>). Either way the rows go through the same
/// checks and the same transaction.
/// </summary>
public abstract class CsvSource
{
    /// <summary>The folder's name, recorded in the audit entry.</summary>
    public abstract string Name { get; }

    public static CsvSource Folder(string folder) => new FolderSource(folder);

    /// <summary>Rows made in memory, a sync's batch: the same checks and upsert as files, plus the deletions it lists.</summary>
    public static CsvSource Rows(CanonicalRows rows) => new RowsSource(rows);

    /// <summary>The rows' deletions; none for files.</summary>
    internal virtual CanonicalRows? Canonical => null;

    /// <summary>The sheet of one canonical file; null when the source has nothing for it.</summary>
    internal abstract CsvSheet? Sheet(CsvFileSpec spec, ImportContext ctx);

    /// <summary>True when the source has none of the canonical files.</summary>
    internal abstract bool IsEmpty { get; }

    internal static string NameOf(string folder) => Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)));

    private sealed class FolderSource(string folder) : CsvSource
    {
        public override string Name => NameOf(folder);

        internal override bool IsEmpty => !ImportBatch.Files.Any(f => File.Exists(Path.Combine(folder, f.Name)));

        internal override CsvSheet? Sheet(CsvFileSpec spec, ImportContext ctx)
        {
            if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"The folder {folder} does not exist.");
            return CsvSheet.Read(folder, spec, ctx);
        }
    }

    private sealed class RowsSource(CanonicalRows rows) : CsvSource
    {
        public override string Name => rows.Name;

        internal override bool IsEmpty => rows.IsEmpty && rows.DeletedCount == 0;

        internal override CanonicalRows Canonical => rows;

        internal override CsvSheet? Sheet(CsvFileSpec spec, ImportContext ctx) => rows.Sheet(spec, ctx);
    }
}
