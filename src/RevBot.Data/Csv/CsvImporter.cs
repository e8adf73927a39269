using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RevBot.Core.Domain;
using RevBot.Core.Storage;

namespace RevBot.Data.Csv;

/// <summary>
/// Imports a folder of canonical CSV files (docs/data-format.md) as one transaction: every file is read and checked
/// first, and a single bad row refuses the whole import with the database left as it was. Rows are upserted on their
/// ids (or natural keys), so importing the same folder twice changes nothing the second time.
/// </summary>
public static class CsvImporter
{
    public static IReadOnlyList<string> FileNames { get; } = [.. ImportBatch.Files.Select(f => f.Name)];

    public static async Task<CsvImportResult> ImportAsync(RevBotDb db, string folder, TimeProvider? time = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"The folder {folder} does not exist.");
        var ctx = new ImportContext(db.Model);
        var batch = ImportBatch.Read(folder, ctx);
        if (batch.IsEmpty) ctx.Warnings.Add(new CsvIssue(Path.GetFileName(Path.GetFullPath(folder)), 0, null, $"none of the files {string.Join(", ", FileNames)} is here"));

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await ctx.CheckReferencesAsync(db, ct);
        if (ctx.Errors.Count > 0) return new CsvImportResult([], InFileOrder(ctx.Errors), InFileOrder(ctx.Warnings));

        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            var (files, created) = await batch.WriteAsync(new TableWriter(db, ct), ctx);
            var result = new CsvImportResult(files, [], InFileOrder(ctx.Warnings)) { UsersCreatedFromEmail = created };
            // The audit records changes: a re-import that changed nothing leaves no trace, as it leaves no data.
            if (result.ChangedAnything || created > 0)
            {
                db.AuditLog.Add(Audit(folder, result, (time ?? TimeProvider.System).GetUtcNow().UtcDateTime));
                await db.SaveChangesAsync(ct);
            }
            await tx.CommitAsync(ct);
            return result;
        }
        finally
        {
            db.ChangeTracker.Clear();
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    private static AuditEntry Audit(string folder, CsvImportResult result, DateTime at)
    {
        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)));
        var summary = result.Files.Where(f => f.Inserted + f.Updated > 0)
            .ToDictionary(f => f.File, f => (object)new { inserted = f.Inserted, updated = f.Updated });
        if (result.UsersCreatedFromEmail > 0) summary["users_created_from_email"] = result.UsersCreatedFromEmail;
        return new AuditEntry
        {
            At = at,
            Channel = ChangeChannel.Import,
            Entity = "import",
            EntityId = name.Length <= 64 ? name : name[..64],
            Action = "import",
            Changes = JsonSerializer.Serialize(summary),
        };
    }

    private static List<CsvIssue> InFileOrder(List<CsvIssue> issues) =>
        [.. issues.OrderBy(i => Array.FindIndex(ImportBatch.Files, f => f.Name == i.File)).ThenBy(i => i.Line)];
}
