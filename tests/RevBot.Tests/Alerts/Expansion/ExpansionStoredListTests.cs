using Microsoft.EntityFrameworkCore;
using RevBot.Core.Answers;
using RevBot.Core.Conversation;
using RevBot.Core.Domain;
using RevBot.Data.Storage;
using RevBot.Tests.Alerts.Delivery;

namespace RevBot.Tests.Alerts.Expansion;

/// <summary>
/// "Which accounts are ready to expand?" reads what the last delivering scan stored, says how old it is, and follows
/// the data only when a scan sees the change; every scan that still sees an alert stores its latest score and reason.
/// Before any scan the list is scored on the spot and says so.
/// </summary>
public sealed class ExpansionStoredListTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Grow Co (Alice's): 14 active users yesterday on 10 seats, no tickets, never expanded: 30 + 20 + 20 = 70.</summary>
    private static Task<int> ReadyAsync(DeliveryCompany company) => company.DbAsync(async db =>
    {
        db.Accounts.Add(new Account { Id = "acc-grow", Name = "Grow Co", Region = "EMEA", OwnerId = company.AliceId });
        var today = DateOnly.FromDateTime(company.Time.GetUtcNow().UtcDateTime);
        db.Subscriptions.Add(new Subscription { Id = "sub-grow", AccountId = "acc-grow", Product = "Pro", Mrr = 1_000m, Seats = 10, StartDate = new DateOnly(2025, 1, 1) });
        db.Usage.Add(new ProductUsage { AccountId = "acc-grow", Date = today.AddDays(-1), ActiveUsers = 14, Events = 300 });
        return await db.SaveChangesAsync(Ct);
    });

    private static Task<Answer> AskAsync(DeliveryCompany company, string question = "which accounts are ready to expand?") =>
        company.UseAsync<AskService, Answer>(a => a.AskAsync(new AskRequest(question, DeliveryCompany.Alice), Ct));

    private static Task<int> UsersAsync(DeliveryCompany company, int? users) => company.DbAsync(async db =>
    {
        var usage = await db.Usage.SingleAsync(u => u.AccountId == "acc-grow", Ct);
        if (users is { } n) usage.ActiveUsers = n;
        else db.Usage.Remove(usage);
        return await db.SaveChangesAsync(Ct);
    });

    /// <summary>A scan a minute later: what it no longer sees was last seen before it, so it is resolved.</summary>
    private static Task ScanLaterAsync(DeliveryCompany company)
    {
        company.Time.Advance(TimeSpan.FromMinutes(1));
        return company.ScanAsync();
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Before_any_scan_the_list_is_scored_now_and_says_so(DbProvider provider)
    {
        await using var company = await DeliveryCompany.CreateAsync(provider);
        await ReadyAsync(company);

        var answer = await AskAsync(company);

        Assert.Equal([("acc-grow", 70m)], answer.Items!.Select(i => (i.Id, i.Value)));
        Assert.Contains("14 active users on 10 seats paid for", answer.Text, StringComparison.Ordinal);
        Assert.EndsWith("No alert scan has run yet, so these scores were computed just now.", answer.Text, StringComparison.Ordinal);
        Assert.Equal("No alert scan has run yet, so these scores were computed just now.", answer.Reply.Context[0]);
        Assert.Empty(await company.AlertsAsync());
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task After_a_scan_the_list_reads_its_scores_until_the_next_scan_sees_the_change(DbProvider provider)
    {
        await using var company = await DeliveryCompany.CreateAsync(provider);
        await ReadyAsync(company);
        await company.ScanAsync();
        company.Time.Advance(TimeSpan.FromHours(2));

        // 16 users now: the stored scan still says 14, and how old it is.
        await UsersAsync(company, 16);
        var stored = await AskAsync(company);
        Assert.Equal([("acc-grow", 70m)], stored.Items!.Select(i => (i.Id, i.Value)));
        Assert.Contains("14 active users on 10 seats paid for", stored.Text, StringComparison.Ordinal);
        Assert.EndsWith("Scores from the last alert scan, 2 hours ago.", stored.Text, StringComparison.Ordinal);
        var spanish = await AskAsync(company, "¿qué cuentas están listas para crecer?");
        Assert.Contains("14 usuarios activos", spanish.Text, StringComparison.Ordinal);
        Assert.EndsWith("Puntuaciones del último análisis de alertas, hace 2 horas.", spanish.Text, StringComparison.Ordinal);

        // The next scan stores what it sees on the same alert (not a new one), and the list follows.
        var before = (await company.AlertsAsync()).Single(a => a.ReasonCode == "seats_over");
        await ScanLaterAsync(company);
        var after = (await company.AlertsAsync()).Single(a => a.ReasonCode == "seats_over");
        Assert.Equal(before.Id, after.Id);
        Assert.Contains("16 active users", after.Reason, StringComparison.Ordinal);
        var rescanned = await AskAsync(company);
        Assert.Contains("16 active users on 10 seats paid for", rescanned.Text, StringComparison.Ordinal);
        Assert.EndsWith("Scores from the last alert scan, just now.", rescanned.Text, StringComparison.Ordinal);

        // A low-rated ticket takes "healthy" away: the account's remaining alerts carry the new score, 50.
        await company.DbAsync(db =>
        {
            var closed = company.Time.GetUtcNow().UtcDateTime.AddDays(-1);
            db.Tickets.Add(new SupportTicket { Id = "tkt-bad", AccountId = "acc-grow", Priority = TicketPriority.Low, OpenedAt = closed.AddDays(-2), ClosedAt = closed, Satisfaction = 1 });
            return db.SaveChangesAsync(Ct);
        });
        await ScanLaterAsync(company);
        var live = (await company.AlertsAsync()).Where(a => a.Kind == "expansion" && a.State != Core.Alerts.AlertState.Resolved).ToList();
        Assert.Equal([("seats_over", 50), ("expansion_gap", 50)], live.Select(a => (a.ReasonCode, a.Score ?? 0)));
        Assert.Equal([("acc-grow", 50m)], (await AskAsync(company)).Items!.Select(i => (i.Id, i.Value)));

        // No usage at all: no demand. Still listed until a scan sees it; then the list is empty.
        await UsersAsync(company, null);
        Assert.Single((await AskAsync(company)).Items!);
        await ScanLaterAsync(company);
        var none = await AskAsync(company);
        Assert.Empty(none.Items!);
        Assert.StartsWith("No accounts ready to expand", none.Text, StringComparison.Ordinal);
    }
}
