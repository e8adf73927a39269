using Microsoft.EntityFrameworkCore;
using RevBot.Core.Domain;
using RevBot.Core.Storage;

namespace RevBot.Data.Csv;

/// <summary>spend.csv: marketing and sales spend per month, keyed by (month, category, channel); no channel is "".</summary>
internal static class SpendFile
{
    public static readonly CsvFileSpec Spec = new("spend.csv", ["month", "category", "amount", "channel"], ["month", "category", "amount"]);

    public static List<ImportRow<Spend>> Read(CsvSheet sheet, ImportContext ctx)
    {
        var rows = new List<ImportRow<Spend>>(sheet.Rows.Count);
        var seen = new Dictionary<(DateOnly, SpendCategory, string), int>();
        foreach (var row in sheet.Rows)
        {
            var month = row.Month("month");
            var category = row.Enum<SpendCategory>("category");
            var spend = new Spend
            {
                Month = month ?? default,
                Category = category ?? default,
                Amount = row.Money("amount") ?? 0,
                Channel = row.Text("channel", ctx.MaxLength<Spend>(nameof(Spend.Channel))) ?? "",
            };
            if (month is null || category is null) continue;
            if (!ctx.FirstTime(seen, Key(spend), row, "month", $"{EnumText.Format(spend.Category)} spend for {CsvText.Month(spend.Month)} '{spend.Channel}'")) continue;
            rows.Add(new ImportRow<Spend>(row.Line, spend, null));
        }
        return rows;
    }

    public static async Task<CsvFileCounts> UpsertAsync(TableWriter writer, List<ImportRow<Spend>> rows)
    {
        var stored = await writer.Db.Spend.AsNoTracking().ToListAsync(writer.Token);
        return await writer.UpsertAsync(Spec.Name, rows, Key, TableWriter.ByKey(stored, Key));
    }

    public static async Task<int> ExportAsync(RevBotDb db, CsvOut output, CancellationToken ct)
    {
        var spend = await db.Spend.AsNoTracking().ToListAsync(ct);
        foreach (var s in spend.OrderBy(s => s.Month).ThenBy(s => EnumText.Format(s.Category), StringComparer.Ordinal).ThenBy(s => s.Channel, StringComparer.Ordinal))
            output.Row(CsvText.Month(s.Month), EnumText.Format(s.Category), CsvText.Money(s.Amount), s.Channel);
        return spend.Count;
    }

    private static (DateOnly, SpendCategory, string) Key(Spend s) => (s.Month, s.Category, s.Channel);
}
