using System.Data;
using Microsoft.EntityFrameworkCore;
using RevBot.Core.Storage;

namespace RevBot.Data.Csv;

/// <summary>
/// Writes the whole database as the twelve canonical CSV files (docs/data-format.md), each with its header even when
/// empty, rows in key order, so that importing the folder into an empty database gives the same data.
/// </summary>
public static class CsvExporter
{
    public static async Task<IReadOnlyList<CsvExportedFile>> ExportAsync(RevBotDb db, string folder, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        Directory.CreateDirectory(folder);
        // One snapshot for all twelve files, so they agree with each other while others write.
        await using var tx = await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        var emails = await db.Users.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Email, ct);
        var files = new List<CsvExportedFile>();

        async Task WriteAsync(CsvFileSpec spec, Func<RevBotDb, CsvOut, CancellationToken, Task<int>> write)
        {
            await using var output = new CsvOut(Path.Combine(folder, spec.Name), spec, emails);
            files.Add(new CsvExportedFile(spec.Name, await write(db, output, ct)));
        }

        await WriteAsync(UsersFile.Spec, UsersFile.ExportAsync);
        await WriteAsync(AccountsFile.Spec, AccountsFile.ExportAsync);
        await WriteAsync(ContactsFile.Spec, ContactsFile.ExportAsync);
        await WriteAsync(DealsFile.Spec, DealsFile.ExportAsync);
        await WriteAsync(StageHistoryFile.Spec, StageHistoryFile.ExportAsync);
        await WriteAsync(ActivitiesFile.Spec, ActivitiesFile.ExportAsync);
        await WriteAsync(SubscriptionsFile.Spec, SubscriptionsFile.ExportAsync);
        await WriteAsync(UsageFile.Spec, UsageFile.ExportAsync);
        await WriteAsync(TicketsFile.Spec, TicketsFile.ExportAsync);
        await WriteAsync(SpendFile.Spec, SpendFile.ExportAsync);
        await WriteAsync(QuotasFile.Spec, QuotasFile.ExportAsync);
        await WriteAsync(ForecastSnapshotsFile.Spec, ForecastSnapshotsFile.ExportAsync);
        await tx.CommitAsync(ct);
        return files;
    }
}
