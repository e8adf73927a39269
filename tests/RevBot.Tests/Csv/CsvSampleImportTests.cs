using Microsoft.EntityFrameworkCore;
using RevBot.Core.Domain;
using RevBot.Data.Storage;
using RevBot.Testing;

namespace RevBot.Tests.Csv;

/// <summary>What the sample folder becomes: the format's rules seen on real rows, beyond "the round trip agrees with itself".</summary>
public sealed class CsvSampleImportTests
{
    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task The_sample_is_read_as_the_format_describes(DbProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var test = await TestDatabase.CreateAsync(provider);
        var result = await CsvAssert.ImportsAsync(test, ImportFolder.Sample);
        await using var db = test.NewContext();

        // A user referenced only by email is created, named from the email, and the import says so.
        Assert.Equal(1, result.UsersCreatedFromEmail);
        var eve = await db.Users.SingleAsync(u => u.Email == "eve.martin@acme.test", ct);
        Assert.Equal(("Eve Martin", UserRole.Rep), (eve.Name, eve.Role));
        Assert.Contains(result.Warnings, w => w.ToString().StartsWith("deals.csv:4: owner_email: user eve.martin@acme.test", StringComparison.Ordinal));
        var ana = await db.Users.SingleAsync(u => u.Email == "ana.garcia@acme.test", ct);
        var dan = await db.Users.SingleAsync(u => u.Email == "dan.smith@acme.test", ct);
        Assert.Equal(("Ana García", ana.Id, UserRole.Rep), (ana.Name, dan.ManagerId, dan.Role));

        // Offsets convert to UTC; no offset means UTC; a bare date in a timestamp column is midnight UTC.
        var d2 = await db.Deals.SingleAsync(d => d.Id == "D-2", ct);
        Assert.Equal(new DateTime(2025, 4, 10, 14, 0, 0, DateTimeKind.Utc), d2.CreatedAt);
        Assert.Equal(new DateTime(2025, 6, 20, 22, 45, 0, DateTimeKind.Utc), d2.ClosedAt);
        Assert.Equal((DealStatus.Won, DealType.Expansion, ForecastCategory.BestCase, (int?)null), (d2.Status, d2.Type, d2.ForecastCategory, d2.Probability));
        var act2 = await db.Activities.SingleAsync(a => a.Id == "ACT-2", ct);
        Assert.Equal(new DateTime(2025, 2, 4, 9, 12, 34, 567, DateTimeKind.Utc), act2.OccurredAt);
        Assert.Equal("Follow-up: \"pricing\" questions", act2.Subject);
        Assert.Equal(new DateTime(2025, 7, 1, 0, 0, 0, DateTimeKind.Utc), (await db.Activities.SingleAsync(a => a.Id == "ACT-4", ct)).OccurredAt);

        // Empty cells are no value, or the documented default.
        var d4 = await db.Deals.SingleAsync(d => d.Id == "D-4", ct);
        Assert.Equal((0m, "USD", DealType.New, (string?)null, (int?)null, 1), (d4.Amount, d4.Currency, d4.Type, d4.AccountId, d4.OwnerId, d4.Version));
        Assert.Null((await db.Contacts.SingleAsync(c => c.Id == "C-3", ct)).AccountId);
        Assert.Equal(["", "paid_search"], await db.Spend.Where(s => s.Category == SpendCategory.Marketing).OrderBy(s => s.Channel).Select(s => s.Channel).ToListAsync(ct));
        Assert.Equal(1, await db.Quotas.CountAsync(q => q.OwnerId == null, ct));
        var usage = await db.Usage.SingleAsync(u => u.AccountId == "A-100" && u.Date == new DateOnly(2025, 8, 2), ct);
        Assert.Equal((118, (int?)null), (usage.ActiveUsers, usage.Events));

        // Money keeps its cents on both providers.
        Assert.Equal(120000.50m, Math.Round((await db.Deals.SingleAsync(d => d.Id == "D-1", ct)).Amount, 2));
        Assert.Equal(10000.25m, Math.Round((await db.Subscriptions.SingleAsync(s => s.Id == "S-1", ct)).Mrr, 2));

        // One light audit entry for the whole import.
        var audit = await db.AuditLog.SingleAsync(ct);
        Assert.Equal((ChangeChannel.Import, "import"), (audit.Channel, audit.Entity));
        Assert.Contains("\"deals.csv\":{\"inserted\":4,\"updated\":0}", audit.Changes, StringComparison.Ordinal);
    }
}
