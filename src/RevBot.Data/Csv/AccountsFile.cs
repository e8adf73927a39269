using Microsoft.EntityFrameworkCore;
using RevBot.Core.Domain;
using RevBot.Core.Storage;

namespace RevBot.Data.Csv;

/// <summary>accounts.csv: customer and prospect companies, keyed by the source system's account id.</summary>
internal static class AccountsFile
{
    public static readonly CsvFileSpec Spec = new("accounts.csv",
        ["account_id", "name", "domain", "industry", "segment", "region", "country", "employees", "owner_email", "created_at"],
        ["account_id", "name"]);

    public static List<ImportRow<Account>> Read(CsvSheet sheet, ImportContext ctx)
    {
        var rows = new List<ImportRow<Account>>(sheet.Rows.Count);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in sheet.Rows)
        {
            var id = row.Text("account_id", ctx.MaxLength<Account>(nameof(Account.Id)));
            var account = new Account
            {
                Id = id ?? "",
                Name = row.Text("name", ctx.MaxLength<Account>(nameof(Account.Name))) ?? "",
                Domain = row.Text("domain", ctx.MaxLength<Account>(nameof(Account.Domain))),
                Industry = row.Text("industry", ctx.MaxLength<Account>(nameof(Account.Industry))),
                Segment = row.Text("segment", ctx.MaxLength<Account>(nameof(Account.Segment))),
                Region = row.Text("region", ctx.MaxLength<Account>(nameof(Account.Region))),
                Country = row.Text("country", ctx.MaxLength<Account>(nameof(Account.Country))),
                Employees = row.Int("employees", 0, int.MaxValue),
                CreatedAt = row.Timestamp("created_at"),
            };
            var owner = row.Email("owner_email");
            ctx.ReferUser(row, "owner_email", owner);
            if (id is null || !ctx.FirstTime(seen, id, row, "account_id", $"account id '{id}'")) continue;
            ctx.AccountIds.Add(id);
            rows.Add(new ImportRow<Account>(row.Line, account, owner));
        }
        return rows;
    }

    public static async Task<CsvFileCounts> UpsertAsync(TableWriter writer, List<ImportRow<Account>> rows, UserDirectory users)
    {
        foreach (var row in rows) row.Entity.OwnerId = users.IdOf(row.Email);
        var ids = rows.ConvertAll(r => r.Entity.Id);
        var stored = await Chunked.QueryAsync(ids, chunk => writer.Db.Accounts.Where(a => EF.Parameter(chunk).Contains(a.Id)), writer.Token);
        return await writer.UpsertAsync(Spec.Name, rows, a => a.Id, TableWriter.ByKey(stored, a => a.Id));
    }

    public static async Task<int> ExportAsync(RevBotDb db, CsvOut output, CancellationToken ct)
    {
        var accounts = await db.Accounts.AsNoTracking().ToListAsync(ct);
        foreach (var a in accounts.OrderBy(a => a.Id, StringComparer.Ordinal))
            output.Row(a.Id, a.Name, a.Domain, a.Industry, a.Segment, a.Region, a.Country, CsvText.Int(a.Employees),
                output.EmailOf(a.OwnerId), CsvText.Timestamp(a.CreatedAt));
        return accounts.Count;
    }
}
