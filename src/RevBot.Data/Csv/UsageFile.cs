using Microsoft.EntityFrameworkCore;
using RevBot.Core.Domain;
using RevBot.Core.Storage;

namespace RevBot.Data.Csv;

/// <summary>usage.csv: one account's product usage on one day, keyed by (account_id, date).</summary>
internal static class UsageFile
{
    public static readonly CsvFileSpec Spec = new("usage.csv", ["account_id", "date", "active_users", "events"], ["account_id", "date"]);

    public static List<ImportRow<ProductUsage>> Read(CsvSheet sheet, ImportContext ctx)
    {
        var rows = new List<ImportRow<ProductUsage>>(sheet.Rows.Count);
        var seen = new Dictionary<(string, DateOnly), int>();
        foreach (var row in sheet.Rows)
        {
            var accountId = row.Text("account_id", ctx.MaxLength<ProductUsage>(nameof(ProductUsage.AccountId)));
            var date = row.Date("date");
            var usage = new ProductUsage
            {
                AccountId = accountId ?? "",
                Date = date ?? default,
                ActiveUsers = row.Int("active_users", 0, int.MaxValue),
                Events = row.Int("events", 0, int.MaxValue),
            };
            ctx.ReferAccount(row, "account_id", accountId);
            if (accountId is null || date is null || !ctx.FirstTime(seen, (accountId, usage.Date), row, "date", $"usage of {accountId} on {CsvText.Date(date)}")) continue;
            rows.Add(new ImportRow<ProductUsage>(row.Line, usage, null));
        }
        return rows;
    }

    public static async Task<CsvFileCounts> UpsertAsync(TableWriter writer, List<ImportRow<ProductUsage>> rows)
    {
        var accountIds = rows.Select(r => r.Entity.AccountId).Distinct(StringComparer.Ordinal).ToList();
        var stored = await Chunked.QueryAsync(accountIds, chunk => writer.Db.Usage.Where(u => EF.Parameter(chunk).Contains(u.AccountId)), writer.Token);
        return await writer.UpsertAsync(Spec.Name, rows, Key, TableWriter.ByKey(stored, Key));
    }

    public static async Task<int> ExportAsync(RevBotDb db, CsvOut output, CancellationToken ct)
    {
        var usage = await db.Usage.AsNoTracking().ToListAsync(ct);
        foreach (var u in usage.OrderBy(u => u.AccountId, StringComparer.Ordinal).ThenBy(u => u.Date))
            output.Row(u.AccountId, CsvText.Date(u.Date), CsvText.Int(u.ActiveUsers), CsvText.Int(u.Events));
        return usage.Count;
    }

    private static (string, DateOnly) Key(ProductUsage u) => (u.AccountId, u.Date);
}
