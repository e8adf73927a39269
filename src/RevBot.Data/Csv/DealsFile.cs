using Microsoft.EntityFrameworkCore;
using RevBot.Core.Domain;
using RevBot.Core.Storage;

namespace RevBot.Data.Csv;

/// <summary>deals.csv: opportunities, keyed by the source system's deal id.</summary>
internal static class DealsFile
{
    public static readonly CsvFileSpec Spec = new("deals.csv",
        ["deal_id", "name", "account_id", "owner_email", "amount", "currency", "stage", "status", "type", "product", "source",
         "created_at", "close_date", "closed_at", "loss_reason", "forecast_category", "probability", "next_step", "source_modified_at", "discount"],
        ["deal_id", "amount", "stage", "status"]);

    public static List<ImportRow<Deal>> Read(CsvSheet sheet, ImportContext ctx)
    {
        var rows = new List<ImportRow<Deal>>(sheet.Rows.Count);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in sheet.Rows)
        {
            var id = row.Text("deal_id", ctx.MaxLength<Deal>(nameof(Deal.Id)));
            var status = row.Enum<DealStatus>("status");
            var deal = new Deal
            {
                Id = id ?? "",
                Name = row.Text("name", ctx.MaxLength<Deal>(nameof(Deal.Name))),
                AccountId = row.Text("account_id", ctx.MaxLength<Account>(nameof(Account.Id))),
                Amount = row.Money("amount") ?? 0,
                Currency = Currency(row) ?? "USD",
                Stage = row.Text("stage", ctx.MaxLength<Deal>(nameof(Deal.Stage))) ?? "",
                Status = status ?? DealStatus.Open,
                Type = row.Enum<DealType>("type") ?? DealType.New,
                Product = row.Text("product", ctx.MaxLength<Deal>(nameof(Deal.Product))),
                Source = row.Text("source", ctx.MaxLength<Deal>(nameof(Deal.Source))),
                CreatedAt = row.Timestamp("created_at"),
                CloseDate = row.Date("close_date"),
                ClosedAt = row.Timestamp("closed_at"),
                LossReason = row.Text("loss_reason", ctx.MaxLength<Deal>(nameof(Deal.LossReason))),
                ForecastCategory = row.Enum<ForecastCategory>("forecast_category"),
                Probability = row.Int("probability", 0, 100),
                NextStep = row.Text("next_step", ctx.MaxLength<Deal>(nameof(Deal.NextStep))),
                SourceModifiedAt = row.Timestamp("source_modified_at"),
                Discount = row.Money("discount"),
            };
            if (deal.Discount is < 0 or > 100) row.Error("discount", "must be a percentage from 0 to 100");
            if (status is DealStatus.Won or DealStatus.Lost && row.IsEmpty("closed_at"))
                row.Error("closed_at", $"a value is required when status is {EnumText.Format(status.Value)}");
            ctx.ReferAccount(row, "account_id", deal.AccountId);
            var owner = row.Email("owner_email");
            ctx.ReferUser(row, "owner_email", owner);
            if (id is null || !ctx.FirstTime(seen, id, row, "deal_id", $"deal id '{id}'")) continue;
            ctx.DealIds.Add(id);
            rows.Add(new ImportRow<Deal>(row.Line, deal, owner));
        }
        return rows;
    }

    /// <summary>Upserts deals; a changed deal's version goes up by one, an identical one keeps it.</summary>
    public static async Task<CsvFileCounts> UpsertAsync(TableWriter writer, List<ImportRow<Deal>> rows, UserDirectory users)
    {
        foreach (var row in rows) row.Entity.OwnerId = users.IdOf(row.Email);
        var ids = rows.ConvertAll(r => r.Entity.Id);
        var stored = await Chunked.QueryAsync(ids, chunk => writer.Db.Deals.Where(d => EF.Parameter(chunk).Contains(d.Id)), writer.Token);
        return await writer.UpsertAsync(Spec.Name, rows, d => d.Id, TableWriter.ByKey(stored, d => d.Id),
            (current, imported) => imported.Version = current.Version + 1);
    }

    public static async Task<int> ExportAsync(RevBotDb db, CsvOut output, CancellationToken ct)
    {
        var deals = await db.Deals.AsNoTracking().ToListAsync(ct);
        foreach (var d in deals.OrderBy(d => d.Id, StringComparer.Ordinal))
            output.Row(d.Id, d.Name, d.AccountId, output.EmailOf(d.OwnerId), CsvText.Money(d.Amount), d.Currency, d.Stage,
                EnumText.Format(d.Status), EnumText.Format(d.Type), d.Product, d.Source, CsvText.Timestamp(d.CreatedAt),
                CsvText.Date(d.CloseDate), CsvText.Timestamp(d.ClosedAt), d.LossReason,
                d.ForecastCategory is { } f ? EnumText.Format(f) : null, CsvText.Int(d.Probability), d.NextStep,
                CsvText.Timestamp(d.SourceModifiedAt), d.Discount is { } off ? CsvText.Money(off) : null);
        return deals.Count;
    }

    /// <summary>An ISO 4217 code: three letters, upper-cased.</summary>
    private static string? Currency(CsvRow row)
    {
        var value = row.Raw("currency");
        if (value is null) return null;
        if (value.Length == 3 && value.All(char.IsAsciiLetter)) return value.ToUpperInvariant();
        row.Error("currency", $"'{(value.Length > 40 ? value[..40] : value)}' is not a three-letter currency code (e.g. USD)");
        return null;
    }
}
