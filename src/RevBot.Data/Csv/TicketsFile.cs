using Microsoft.EntityFrameworkCore;
using RevBot.Core.Domain;
using RevBot.Core.Storage;

namespace RevBot.Data.Csv;

/// <summary>tickets.csv: support tickets, keyed by the source system's ticket id.</summary>
internal static class TicketsFile
{
    public static readonly CsvFileSpec Spec = new("tickets.csv",
        ["ticket_id", "account_id", "opened_at", "closed_at", "priority", "satisfaction"],
        ["ticket_id", "account_id", "opened_at"]);

    public static List<ImportRow<SupportTicket>> Read(CsvSheet sheet, ImportContext ctx)
    {
        var rows = new List<ImportRow<SupportTicket>>(sheet.Rows.Count);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in sheet.Rows)
        {
            var id = row.Text("ticket_id", ctx.MaxLength<SupportTicket>(nameof(SupportTicket.Id)));
            var accountId = row.Text("account_id", ctx.MaxLength<SupportTicket>(nameof(SupportTicket.AccountId)));
            var opened = row.Timestamp("opened_at");
            var ticket = new SupportTicket
            {
                Id = id ?? "",
                AccountId = accountId ?? "",
                OpenedAt = opened ?? default,
                ClosedAt = row.Timestamp("closed_at"),
                Priority = row.Enum<TicketPriority>("priority"),
                Satisfaction = row.Int("satisfaction", 1, 5),
            };
            if (opened is not null && ticket.ClosedAt < opened) row.Error("closed_at", "is before opened_at");
            ctx.ReferAccount(row, "account_id", accountId);
            if (id is null || !ctx.FirstTime(seen, id, row, "ticket_id", $"ticket id '{id}'")) continue;
            rows.Add(new ImportRow<SupportTicket>(row.Line, ticket, null));
        }
        return rows;
    }

    public static async Task<CsvFileCounts> UpsertAsync(TableWriter writer, List<ImportRow<SupportTicket>> rows)
    {
        var ids = rows.ConvertAll(r => r.Entity.Id);
        var stored = await Chunked.QueryAsync(ids, chunk => writer.Db.Tickets.Where(t => EF.Parameter(chunk).Contains(t.Id)), writer.Token);
        return await writer.UpsertAsync(Spec.Name, rows, t => t.Id, TableWriter.ByKey(stored, t => t.Id));
    }

    public static async Task<int> ExportAsync(RevBotDb db, CsvOut output, CancellationToken ct)
    {
        var tickets = await db.Tickets.AsNoTracking().ToListAsync(ct);
        foreach (var t in tickets.OrderBy(t => t.Id, StringComparer.Ordinal))
            output.Row(t.Id, t.AccountId, CsvText.Timestamp(t.OpenedAt), CsvText.Timestamp(t.ClosedAt),
                t.Priority is { } p ? EnumText.Format(p) : null, CsvText.Int(t.Satisfaction));
        return tickets.Count;
    }
}
