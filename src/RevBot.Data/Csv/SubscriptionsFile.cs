using Microsoft.EntityFrameworkCore;
using RevBot.Core.Domain;
using RevBot.Core.Storage;

namespace RevBot.Data.Csv;

/// <summary>subscriptions.csv: recurring revenue, keyed by the source system's subscription id.</summary>
internal static class SubscriptionsFile
{
    public static readonly CsvFileSpec Spec = new("subscriptions.csv",
        ["subscription_id", "account_id", "product", "mrr", "start_date", "end_date", "seats"],
        ["subscription_id", "account_id", "mrr", "start_date"]);

    public static List<ImportRow<Subscription>> Read(CsvSheet sheet, ImportContext ctx)
    {
        var rows = new List<ImportRow<Subscription>>(sheet.Rows.Count);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in sheet.Rows)
        {
            var id = row.Text("subscription_id", ctx.MaxLength<Subscription>(nameof(Subscription.Id)));
            var start = row.Date("start_date");
            var subscription = new Subscription
            {
                Id = id ?? "",
                AccountId = row.Text("account_id", ctx.MaxLength<Subscription>(nameof(Subscription.AccountId))) ?? "",
                Product = row.Text("product", ctx.MaxLength<Subscription>(nameof(Subscription.Product))),
                Mrr = row.Money("mrr") ?? 0,
                StartDate = start ?? default,
                EndDate = row.Date("end_date"),
                Seats = row.Int("seats", 0, 10_000_000),
            };
            if (start is not null && subscription.EndDate <= start)
                row.Error("end_date", "must be after start_date (it is the first day the subscription is no longer active)");
            ctx.ReferAccount(row, "account_id", row.IsEmpty("account_id") ? null : subscription.AccountId);
            if (id is null || !ctx.FirstTime(seen, id, row, "subscription_id", $"subscription id '{id}'")) continue;
            rows.Add(new ImportRow<Subscription>(row.Line, subscription, null));
        }
        return rows;
    }

    public static async Task<CsvFileCounts> UpsertAsync(TableWriter writer, List<ImportRow<Subscription>> rows)
    {
        var ids = rows.ConvertAll(r => r.Entity.Id);
        var stored = await Chunked.QueryAsync(ids, chunk => writer.Db.Subscriptions.Where(s => EF.Parameter(chunk).Contains(s.Id)), writer.Token);
        return await writer.UpsertAsync(Spec.Name, rows, s => s.Id, TableWriter.ByKey(stored, s => s.Id));
    }

    public static async Task<int> ExportAsync(RevBotDb db, CsvOut output, CancellationToken ct)
    {
        var subscriptions = await db.Subscriptions.AsNoTracking().ToListAsync(ct);
        foreach (var s in subscriptions.OrderBy(s => s.Id, StringComparer.Ordinal))
            output.Row(s.Id, s.AccountId, s.Product, CsvText.Money(s.Mrr), CsvText.Date(s.StartDate), CsvText.Date(s.EndDate), CsvText.Int(s.Seats));
        return subscriptions.Count;
    }
}
