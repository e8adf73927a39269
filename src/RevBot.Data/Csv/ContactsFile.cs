using Microsoft.EntityFrameworkCore;
using RevBot.Core.Domain;
using RevBot.Core.Storage;

namespace RevBot.Data.Csv;

/// <summary>contacts.csv: people at accounts, keyed by the source system's contact id.</summary>
internal static class ContactsFile
{
    public static readonly CsvFileSpec Spec = new("contacts.csv",
        ["contact_id", "account_id", "first_name", "last_name", "email", "title", "phone", "created_at"],
        ["contact_id"]);

    public static List<ImportRow<Contact>> Read(CsvSheet sheet, ImportContext ctx)
    {
        var rows = new List<ImportRow<Contact>>(sheet.Rows.Count);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in sheet.Rows)
        {
            var id = row.Text("contact_id", ctx.MaxLength<Contact>(nameof(Contact.Id)));
            var contact = new Contact
            {
                Id = id ?? "",
                AccountId = row.Text("account_id", ctx.MaxLength<Account>(nameof(Account.Id))),
                FirstName = row.Text("first_name", ctx.MaxLength<Contact>(nameof(Contact.FirstName))),
                LastName = row.Text("last_name", ctx.MaxLength<Contact>(nameof(Contact.LastName))),
                Email = row.Text("email", ctx.MaxLength<Contact>(nameof(Contact.Email))),
                Title = row.Text("title", ctx.MaxLength<Contact>(nameof(Contact.Title))),
                Phone = row.Text("phone", ctx.MaxLength<Contact>(nameof(Contact.Phone))),
                CreatedAt = row.Timestamp("created_at"),
            };
            ctx.ReferAccount(row, "account_id", contact.AccountId);
            if (id is null || !ctx.FirstTime(seen, id, row, "contact_id", $"contact id '{id}'")) continue;
            rows.Add(new ImportRow<Contact>(row.Line, contact, null));
        }
        return rows;
    }

    public static async Task<CsvFileCounts> UpsertAsync(TableWriter writer, List<ImportRow<Contact>> rows)
    {
        var ids = rows.ConvertAll(r => r.Entity.Id);
        var stored = await Chunked.QueryAsync(ids, chunk => writer.Db.Contacts.Where(c => EF.Parameter(chunk).Contains(c.Id)), writer.Token);
        return await writer.UpsertAsync(Spec.Name, rows, c => c.Id, TableWriter.ByKey(stored, c => c.Id));
    }

    public static async Task<int> ExportAsync(RevBotDb db, CsvOut output, CancellationToken ct)
    {
        var contacts = await db.Contacts.AsNoTracking().ToListAsync(ct);
        foreach (var c in contacts.OrderBy(c => c.Id, StringComparer.Ordinal))
            output.Row(c.Id, c.AccountId, c.FirstName, c.LastName, c.Email, c.Title, c.Phone, CsvText.Timestamp(c.CreatedAt));
        return contacts.Count;
    }
}
