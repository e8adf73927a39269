using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RevBot.Core.Domain;
using RevBot.Core.Storage;

namespace RevBot.Data.Csv;

/// <summary>
/// Imports a folder of canonical CSV files (docs/data-format.md), or export files read through a mapping
/// (docs/import.md), as one transaction: every file is read and checked first, and a single bad row refuses the whole
/// import with the database left as it was. Rows are upserted on their ids (or natural keys), so importing the same
/// folder twice changes nothing the second time. With <see cref="CsvImportOptions.SkipInvalid"/> the bad rows are
/// left out instead, and so are the rows that refer to them, and the rest is imported.
/// </summary>
public static class CsvImporter
{
    public static IReadOnlyList<string> FileNames { get; } = [.. ImportBatch.Files.Select(f => f.Name)];

    public static Task<CsvImportResult> ImportAsync(RevBotDb db, string folder, TimeProvider? time = null, CancellationToken ct = default)
    {
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"The folder {folder} does not exist.");
        return ImportAsync(db, CsvSource.Folder(folder), new CsvImportOptions { Time = time }, ct);
    }

    public static async Task<CsvImportResult> ImportAsync(RevBotDb db, CsvSource source, CsvImportOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        var excluded = new HashSet<(string File, int Line)>();
        var refused = new List<CsvIssue>();

        // Inside a caller's transaction (a dry-run sync rolls back all its batches at the end) the import joins it.
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        ImportContext ctx;
        ImportBatch batch;
        // Each pass reads everything again without the rows refused so far: leaving out an account can make a deal
        // that refers to it invalid in turn. Every pass refuses at least one more row, so this ends.
        while (true)
        {
            ctx = new ImportContext(db.Model, excluded);
            batch = ImportBatch.Read(source, ctx);
            if (batch.IsEmpty) ctx.Warnings.Add(new CsvIssue(source.Name, 0, null, $"none of the files {string.Join(", ", FileNames)} is here"));
            await ctx.CheckReferencesAsync(db, ct);
            if (ctx.Errors.Count == 0) break;
            // A header problem is not one row's: it refuses the import even when skipping invalid rows.
            if (!options.SkipInvalid || ctx.Errors.Any(e => e.Line <= 1) || ctx.Errors.Count(e => excluded.Add((e.File, e.Line))) == 0)
                return new CsvImportResult([], InFileOrder(ctx.Errors, ctx), InFileOrder(ctx.Warnings, ctx)) { Filtered = ctx.Filtered };
            refused.AddRange(ctx.Errors);
        }

        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            var (files, created) = await batch.WriteAsync(new TableWriter(db, ct), ctx);
            var deleted = source.Canonical is { } rows ? await SyncDeletions.RunAsync(db, rows, ct) : new Dictionary<string, int>();
            var result = new CsvImportResult(files, [], InFileOrder(ctx.Warnings, ctx))
            {
                Deleted = deleted,
                UsersCreatedFromEmail = created,
                Refused = InFileOrder(refused, ctx),
                Filtered = ctx.Filtered,
            };
            // The audit records changes: a re-import that changed nothing leaves no trace, as it leaves no data.
            if (result.ChangedAnything || created > 0)
            {
                db.AuditLog.Add(Audit(source.Name, result, options.Channel, (options.Time ?? TimeProvider.System).GetUtcNow().UtcDateTime));
                await db.SaveChangesAsync(ct);
            }
            if (options.BeforeCommit is { } beforeCommit) await beforeCommit(db, ct);
            if (tx is not null) await tx.CommitAsync(ct);
            return result;
        }
        finally
        {
            db.ChangeTracker.Clear();
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    private static AuditEntry Audit(string name, CsvImportResult result, ChangeChannel channel, DateTime at)
    {
        var summary = result.Files.Where(f => f.Inserted + f.Updated > 0)
            .ToDictionary(f => f.File, f => (object)new { inserted = f.Inserted, updated = f.Updated });
        if (result.UsersCreatedFromEmail > 0) summary["users_created_from_email"] = result.UsersCreatedFromEmail;
        foreach (var (file, count) in result.Deleted) if (count > 0) summary[file + " deleted"] = count;
        if (result.Refused.Count > 0) summary["rows_refused"] = result.Refused.Select(r => (r.File, r.Line)).Distinct().Count();
        return new AuditEntry
        {
            At = at,
            Channel = channel,
            Entity = channel == ChangeChannel.Sync ? "sync" : "import",
            EntityId = name.Length <= 64 ? name : name[..64],
            Action = channel == ChangeChannel.Sync ? "sync" : "import",
            Changes = JsonSerializer.Serialize(summary),
        };
    }

    /// <summary>Issues by file, in the order the files were read (canonical order), then by line.</summary>
    private static List<CsvIssue> InFileOrder(List<CsvIssue> issues, ImportContext ctx) =>
        [.. issues.OrderBy(i => ctx.FileOrder.IndexOf(i.File) is var at and >= 0 ? at : int.MaxValue).ThenBy(i => i.Line)];
}
