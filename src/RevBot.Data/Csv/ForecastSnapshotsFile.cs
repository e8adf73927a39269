using Microsoft.EntityFrameworkCore;
using RevBot.Core.Domain;
using RevBot.Core.Storage;

namespace RevBot.Data.Csv;

/// <summary>forecast_snapshots.csv: what the forecast said and when, keyed by (taken_at, period, owner); no owner is the company.</summary>
internal static class ForecastSnapshotsFile
{
    public static readonly CsvFileSpec Spec = new("forecast_snapshots.csv",
        ["taken_at", "period_start", "period_end", "amount", "owner_email"],
        ["taken_at", "period_start", "period_end", "amount"]);

    public static List<ImportRow<ForecastSnapshot>> Read(CsvSheet sheet, ImportContext ctx)
    {
        var rows = new List<ImportRow<ForecastSnapshot>>(sheet.Rows.Count);
        var seen = new Dictionary<(DateTime, DateOnly, DateOnly, string), int>();
        foreach (var row in sheet.Rows)
        {
            var takenAt = row.Timestamp("taken_at");
            var start = row.Date("period_start");
            var end = row.Date("period_end");
            var snapshot = new ForecastSnapshot { TakenAt = takenAt ?? default, PeriodStart = start ?? default, PeriodEnd = end ?? default, Amount = row.Money("amount") ?? 0 };
            var owner = row.Email("owner_email");
            ctx.ReferUser(row, "owner_email", owner);
            if (takenAt is null || start is null || end is null) continue;
            if (end < start) row.Error("period_end", "is before period_start");
            var key = (snapshot.TakenAt, snapshot.PeriodStart, snapshot.PeriodEnd, owner?.ToUpperInvariant() ?? "");
            if (!ctx.FirstTime(seen, key, row, "taken_at", $"snapshot for {owner ?? "the company"} of this period at this time")) continue;
            rows.Add(new ImportRow<ForecastSnapshot>(row.Line, snapshot, owner));
        }
        return rows;
    }

    public static async Task<CsvFileCounts> UpsertAsync(TableWriter writer, List<ImportRow<ForecastSnapshot>> rows, UserDirectory users)
    {
        foreach (var row in rows) row.Entity.OwnerId = users.IdOf(row.Email);
        // Calls submitted in the weekly forecast call are not in the file: an imported row never replaces one.
        var stored = await writer.Db.ForecastSnapshots.AsNoTracking().Where(f => f.Kind == ForecastSnapshot.ImportedKind).OrderBy(f => f.Id).ToListAsync(writer.Token);
        return await writer.UpsertAsync(Spec.Name, rows, Key, TableWriter.ByKey(stored, Key));
    }

    public static async Task<int> ExportAsync(RevBotDb db, CsvOut output, CancellationToken ct)
    {
        var snapshots = await db.ForecastSnapshots.AsNoTracking().Where(f => f.Kind == ForecastSnapshot.ImportedKind).ToListAsync(ct);
        foreach (var f in snapshots.OrderBy(f => f.TakenAt).ThenBy(f => f.PeriodStart).ThenBy(f => f.PeriodEnd).ThenBy(f => output.EmailOf(f.OwnerId) ?? "", StringComparer.Ordinal))
            output.Row(CsvText.Timestamp(f.TakenAt), CsvText.Date(f.PeriodStart), CsvText.Date(f.PeriodEnd), CsvText.Money(f.Amount), output.EmailOf(f.OwnerId));
        return snapshots.Count;
    }

    private static (DateTime, DateOnly, DateOnly, int?) Key(ForecastSnapshot f) => (f.TakenAt, f.PeriodStart, f.PeriodEnd, f.OwnerId);
}
