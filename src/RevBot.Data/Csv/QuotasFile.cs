using Microsoft.EntityFrameworkCore;
using RevBot.Core.Domain;
using RevBot.Core.Storage;

namespace RevBot.Data.Csv;

/// <summary>quotas.csv: bookings targets, keyed by (owner, period_start, period_end); no owner is the whole company.</summary>
internal static class QuotasFile
{
    public static readonly CsvFileSpec Spec = new("quotas.csv", ["owner_email", "period_start", "period_end", "amount"], ["period_start", "period_end", "amount"]);

    public static List<ImportRow<Quota>> Read(CsvSheet sheet, ImportContext ctx)
    {
        var rows = new List<ImportRow<Quota>>(sheet.Rows.Count);
        var seen = new Dictionary<(string, DateOnly, DateOnly), int>();
        foreach (var row in sheet.Rows)
        {
            var owner = row.Email("owner_email");
            var start = row.Date("period_start");
            var end = row.Date("period_end");
            var quota = new Quota { PeriodStart = start ?? default, PeriodEnd = end ?? default, Amount = row.Money("amount") ?? 0 };
            ctx.ReferUser(row, "owner_email", owner);
            if (start is null || end is null) continue;
            if (end < start) row.Error("period_end", "is before period_start");
            var who = owner?.ToUpperInvariant() ?? "";
            if (!ctx.FirstTime(seen, (who, quota.PeriodStart, quota.PeriodEnd), row, "period_start", $"quota for {owner ?? "the company"} over this period")) continue;
            rows.Add(new ImportRow<Quota>(row.Line, quota, owner));
        }
        return rows;
    }

    public static async Task<CsvFileCounts> UpsertAsync(TableWriter writer, List<ImportRow<Quota>> rows, UserDirectory users)
    {
        foreach (var row in rows) row.Entity.OwnerId = users.IdOf(row.Email);
        var stored = await writer.Db.Quotas.AsNoTracking().OrderBy(q => q.Id).ToListAsync(writer.Token);
        return await writer.UpsertAsync(Spec.Name, rows, Key, TableWriter.ByKey(stored, Key));
    }

    public static async Task<int> ExportAsync(RevBotDb db, CsvOut output, CancellationToken ct)
    {
        var quotas = await db.Quotas.AsNoTracking().ToListAsync(ct);
        foreach (var q in quotas.OrderBy(q => q.PeriodStart).ThenBy(q => q.PeriodEnd).ThenBy(q => output.EmailOf(q.OwnerId) ?? "", StringComparer.Ordinal))
            output.Row(output.EmailOf(q.OwnerId), CsvText.Date(q.PeriodStart), CsvText.Date(q.PeriodEnd), CsvText.Money(q.Amount));
        return quotas.Count;
    }

    private static (int?, DateOnly, DateOnly) Key(Quota q) => (q.OwnerId, q.PeriodStart, q.PeriodEnd);
}
