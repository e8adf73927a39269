using Microsoft.EntityFrameworkCore;
using RevBot.Core.Domain;
using RevBot.Core.Storage;

namespace RevBot.Data.Csv;

/// <summary>activities.csv: calls, emails, meetings, notes and tasks, keyed by the source system's activity id.</summary>
internal static class ActivitiesFile
{
    public static readonly CsvFileSpec Spec = new("activities.csv",
        ["activity_id", "type", "occurred_at", "deal_id", "account_id", "user_email", "subject"],
        ["activity_id", "type", "occurred_at"]);

    public static List<ImportRow<Activity>> Read(CsvSheet sheet, ImportContext ctx)
    {
        var rows = new List<ImportRow<Activity>>(sheet.Rows.Count);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in sheet.Rows)
        {
            var id = row.Text("activity_id", ctx.MaxLength<Activity>(nameof(Activity.Id)));
            var activity = new Activity
            {
                Id = id ?? "",
                Type = row.Enum<ActivityType>("type") ?? ActivityType.Note,
                OccurredAt = row.Timestamp("occurred_at") ?? default,
                DealId = row.Text("deal_id", ctx.MaxLength<Activity>(nameof(Activity.DealId))),
                AccountId = row.Text("account_id", ctx.MaxLength<Activity>(nameof(Activity.AccountId))),
                Subject = row.Text("subject", ctx.MaxLength<Activity>(nameof(Activity.Subject))),
            };
            ctx.ReferDeal(row, "deal_id", activity.DealId);
            ctx.ReferAccount(row, "account_id", activity.AccountId);
            var author = row.Email("user_email");
            ctx.ReferUser(row, "user_email", author);
            if (id is null || !ctx.FirstTime(seen, id, row, "activity_id", $"activity id '{id}'")) continue;
            rows.Add(new ImportRow<Activity>(row.Line, activity, author));
        }
        return rows;
    }

    public static async Task<CsvFileCounts> UpsertAsync(TableWriter writer, List<ImportRow<Activity>> rows, UserDirectory users)
    {
        foreach (var row in rows) row.Entity.UserId = users.IdOf(row.Email);
        var ids = rows.ConvertAll(r => r.Entity.Id);
        var stored = await Chunked.QueryAsync(ids, chunk => writer.Db.Activities.Where(a => EF.Parameter(chunk).Contains(a.Id)), writer.Token);
        return await writer.UpsertAsync(Spec.Name, rows, a => a.Id, TableWriter.ByKey(stored, a => a.Id));
    }

    public static async Task<int> ExportAsync(RevBotDb db, CsvOut output, CancellationToken ct)
    {
        var activities = await db.Activities.AsNoTracking().ToListAsync(ct);
        foreach (var a in activities.OrderBy(a => a.Id, StringComparer.Ordinal))
            output.Row(a.Id, EnumText.Format(a.Type), CsvText.Timestamp(a.OccurredAt), a.DealId, a.AccountId, output.EmailOf(a.UserId), a.Subject);
        return activities.Count;
    }
}
