using Microsoft.EntityFrameworkCore;
using RevBot.Core.Domain;
using RevBot.Data.Storage;

namespace RevBot.Tests.Demo;

/// <summary>The problems later features look for are all in the demo company, found the way those features will query.</summary>
public sealed class DemoSituationTests(DemoCompanyFixture company)
{
    private static readonly DateOnly AsOf = DemoCompanyFixture.AsOf;
    private static readonly DateTime Now = DemoCompanyFixture.Now;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Some_open_deals_are_stuck_far_longer_than_usual_in_their_stage(DbProvider provider)
    {
        await using var db = (await company.GetAsync(provider)).NewContext();
        var history = await db.DealStageHistory.AsNoTracking().OrderBy(h => h.DealId).ThenBy(h => h.EnteredAt).ToListAsync(Ct);
        var open = await db.Deals.Where(d => d.Status == DealStatus.Open).Select(d => d.Id).ToListAsync(Ct);
        var byDeal = history.GroupBy(h => h.DealId).ToDictionary(g => g.Key, g => g.ToList());
        // Usual time in a stage: the median over every stage a deal has already left.
        var usual = byDeal.Values
            .SelectMany(entries => entries.Zip(entries.Skip(1), (a, b) => (a.Stage, Days: (b.EnteredAt - a.EnteredAt).TotalDays)))
            .GroupBy(x => x.Stage)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Days).Order().ElementAt(g.Count() / 2));

        var stuck = open.Count(id => byDeal[id][^1] is var current && (Now - current.EnteredAt).TotalDays > Math.Max(30, 3 * usual[current.Stage]));

        Assert.InRange(stuck, 1, open.Count / 4);
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Some_open_deals_have_had_no_activity_for_weeks_while_most_are_active(DbProvider provider)
    {
        await using var db = (await company.GetAsync(provider)).NewContext();
        var since = Now.AddDays(-21);
        var open = db.Deals.Where(d => d.Status == DealStatus.Open && d.CreatedAt < since);

        var silent = await open.CountAsync(d => !db.Activities.Any(a => a.DealId == d.Id && a.OccurredAt >= since), Ct);
        var active = await open.CountAsync(d => db.Activities.Any(a => a.DealId == d.Id && a.OccurredAt >= since), Ct);

        Assert.InRange(silent, 1, active);
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Some_open_deals_have_a_close_date_in_the_past_most_in_the_future(DbProvider provider)
    {
        await using var db = (await company.GetAsync(provider)).NewContext();

        var past = await db.Deals.CountAsync(d => d.Status == DealStatus.Open && d.CloseDate < AsOf, Ct);
        var future = await db.Deals.CountAsync(d => d.Status == DealStatus.Open && d.CloseDate >= AsOf, Ct);

        Assert.InRange(past, 1, future / 2);
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Some_accounts_have_falling_usage_and_urgent_tickets_ahead_of_a_renewal(DbProvider provider)
    {
        await using var db = (await company.GetAsync(provider)).NewContext();
        var monthAgo = Now.AddDays(-30);
        var renewingSoon = db.Deals
            .Where(d => d.Status == DealStatus.Open && d.Type == DealType.Renewal && d.CloseDate >= AsOf && d.CloseDate <= AsOf.AddDays(90))
            .Select(d => d.AccountId);
        var candidates = await db.Tickets
            .Where(t => t.Priority == TicketPriority.Urgent && t.OpenedAt >= monthAgo && renewingSoon.Contains(t.AccountId))
            .Select(t => t.AccountId).Distinct().ToListAsync(Ct);
        var usage = await db.Usage.AsNoTracking().Where(u => candidates.Contains(u.AccountId) && u.Date >= AsOf.AddDays(-60)).ToListAsync(Ct);

        var falling = candidates.Count(id =>
        {
            var rows = usage.Where(u => u.AccountId == id).ToList();
            var before = rows.Where(u => u.Date < AsOf.AddDays(-30)).Average(u => (double)u.ActiveUsers!);
            var lastWeek = rows.Where(u => u.Date >= AsOf.AddDays(-7)).Average(u => (double)u.ActiveUsers!);
            return lastWeek < 0.6 * before;
        });

        Assert.True(falling >= 1, $"{candidates.Count} accounts with urgent tickets ahead of a renewal, {falling} with falling usage");
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Some_open_deals_had_their_close_date_pushed_again_and_again_or_their_amount_cut(DbProvider provider)
    {
        await using var db = (await company.GetAsync(provider)).NewContext();
        var changes = await db.AuditLog.AsNoTracking().Where(a => a.Entity == "deal").ToListAsync(Ct);
        var open = (await db.Deals.Where(d => d.Status == DealStatus.Open).Select(d => new { d.Id, d.Amount, d.CloseDate }).ToListAsync(Ct)).ToDictionary(d => d.Id);

        var pushes = changes.Where(c => c.Changes!.Contains("closeDate", StringComparison.Ordinal)).GroupBy(c => c.EntityId).ToList();
        var cuts = changes.Where(c => c.Changes!.Contains("amount", StringComparison.Ordinal)).ToList();

        Assert.All(changes, c => Assert.True(open.ContainsKey(c.EntityId) && c.At < Now && c.UserId is not null));
        Assert.Contains(pushes, g => g.Count() >= 3);
        Assert.InRange(pushes.Count, 1, open.Count / 4);
        // Each deal's last push lands on its close date; each cut leaves the deal's amount.
        Assert.All(pushes, g => Assert.EndsWith($"\"{open[g.Key].CloseDate:yyyy-MM-dd}\"]}}", g.OrderBy(c => c.At).Last().Changes, StringComparison.Ordinal));
        Assert.All(cuts, c => Assert.EndsWith(FormattableString.Invariant($",{open[c.EntityId].Amount:0.##}]}}"), c.Changes, StringComparison.Ordinal));
        Assert.Contains(cuts, c => c.At >= Now.AddDays(-30));
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Some_contacts_are_the_same_person_entered_twice(DbProvider provider)
    {
        await using var db = (await company.GetAsync(provider)).NewContext();

        var duplicated = await db.Contacts
            .GroupBy(c => new { c.AccountId, First = c.FirstName!.ToLower(), Last = c.LastName!.ToLower() })
            .Where(g => g.Count() > 1)
            .CountAsync(Ct);

        Assert.InRange(duplicated, 1, await db.Contacts.CountAsync(Ct) / 10);
    }
}
