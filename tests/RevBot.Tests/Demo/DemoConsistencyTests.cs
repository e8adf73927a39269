using Microsoft.EntityFrameworkCore;
using RevBot.Core.Company;
using RevBot.Core.Domain;
using RevBot.Data.Storage;

namespace RevBot.Tests.Demo;

/// <summary>The demo company obeys the rules the metrics rely on.</summary>
public sealed class DemoConsistencyTests(DemoCompanyFixture company)
{
    private static readonly string[] OpenStages = [.. CompanyOptions.DefaultStages.Select(s => s.Name)];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Deals_are_closed_after_creation_in_a_closed_stage_and_open_ones_are_forecast(DbProvider provider)
    {
        await using var db = (await company.GetAsync(provider)).NewContext();
        var deals = await db.Deals.AsNoTracking().ToListAsync(Ct);
        var closed = deals.Where(d => d.Status != DealStatus.Open).ToList();
        var open = deals.Where(d => d.Status == DealStatus.Open).ToList();

        Assert.All(closed, d => Assert.True(d.ClosedAt >= d.CreatedAt, d.Id));
        Assert.All(closed, d => Assert.Equal(d.Status == DealStatus.Won ? "Closed Won" : "Closed Lost", d.Stage));
        Assert.All(closed, d => Assert.True(d.ClosedAt <= DemoCompanyFixture.Now, d.Id));
        Assert.All(deals.Where(d => d.Status == DealStatus.Lost), d => Assert.Contains(d.LossReason, CompanyOptions.DefaultLossReasons));
        Assert.Equal("price", deals.Where(d => d.LossReason is not null).GroupBy(d => d.LossReason).MaxBy(g => g.Count())!.Key);
        Assert.All(open, d => Assert.Contains(d.Stage, OpenStages));
        Assert.All(open, d => Assert.True(d.ClosedAt is null && d.ForecastCategory is not null && d.CloseDate is not null, d.Id));
        Assert.All(deals, d => Assert.True(d.CreatedAt >= DemoCompanyFixture.Now.AddDays(-731) && d.CreatedAt < DemoCompanyFixture.Now, d.Id));
        Assert.InRange(deals.Count(d => d.Probability is null), deals.Count * 8 / 10, deals.Count - 1);
        Assert.InRange(open.Count, deals.Count / 20, deals.Count / 4);
        Assert.InRange(closed.Count(d => d.Status == DealStatus.Won) / (double)closed.Count, 0.25, 0.38);
        Assert.Equal(3, deals.Select(d => d.Type).Distinct().Count());
        Assert.Equal(["event", "inbound", "outbound", "partner", "referral"], deals.Where(d => d.Source is not null).Select(d => d.Source!).Distinct().Order());
        Assert.InRange(deals.Select(d => d.Product).Distinct().Count(), 3, 5);
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Stage_history_follows_the_pipeline_from_creation_to_the_current_stage(DbProvider provider)
    {
        await using var db = (await company.GetAsync(provider)).NewContext();
        var deals = await db.Deals.AsNoTracking().ToDictionaryAsync(d => d.Id, Ct);
        var history = await db.DealStageHistory.AsNoTracking().OrderBy(h => h.EnteredAt).ToListAsync(Ct);

        Assert.Equal(deals.Count, history.Select(h => h.DealId).Distinct().Count());
        foreach (var entries in history.GroupBy(h => h.DealId))
        {
            var deal = deals[entries.Key];
            var stages = entries.Select(h => h.Stage).ToList();
            var path = deal.Status == DealStatus.Open ? stages : stages[..^1];
            Assert.Equal(OpenStages[..path.Count], path);
            Assert.Equal(deal.Stage, stages[^1]);
            Assert.Equal(deal.CreatedAt, entries.First().EnteredAt);
            if (deal.ClosedAt is { } closedAt) Assert.Equal(closedAt, entries.Last().EnteredAt);
            // The load suspends the trigger that keeps left_at, so the generator must write what it would.
            Assert.All(entries, h => Assert.Equal(entries.Where(e => e.EnteredAt > h.EnteredAt).Min(e => (DateTime?)e.EnteredAt), h.LeftAt));
        }
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Subscriptions_show_new_business_expansion_contraction_and_churn(DbProvider provider)
    {
        await using var db = (await company.GetAsync(provider)).NewContext();
        var subs = await db.Subscriptions.AsNoTracking().ToListAsync(Ct);
        var byAccount = subs.GroupBy(s => s.AccountId).ToList();

        Assert.All(subs, s => Assert.True(s.Mrr > 0 && (s.EndDate is null || s.EndDate > s.StartDate) && s.StartDate < DemoCompanyFixture.AsOf, s.Id));
        Assert.Contains(byAccount, g => g.Count() > 1 && g.Select(s => s.Product).Distinct().Count() > 1);
        Assert.Contains(subs, s => subs.Any(t => t.AccountId == s.AccountId && t.Product == s.Product && t.StartDate == s.EndDate && t.Mrr < s.Mrr));
        Assert.Contains(byAccount, g => g.All(s => s.EndDate is not null));
        Assert.Contains(byAccount, g => g.All(s => s.StartDate >= DemoCompanyFixture.AsOf.AddDays(-730)));
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Usage_tickets_quotas_forecasts_and_spend_are_in_range(DbProvider provider)
    {
        await using var db = (await company.GetAsync(provider)).NewContext();
        var asOf = DemoCompanyFixture.AsOf;
        var usage = await db.Usage.AsNoTracking().ToListAsync(Ct);
        var tickets = await db.Tickets.AsNoTracking().ToListAsync(Ct);
        var forecasts = await db.ForecastSnapshots.AsNoTracking().ToListAsync(Ct);
        var quotas = await db.Quotas.AsNoTracking().ToListAsync(Ct);
        var reps = await db.Users.CountAsync(u => u.Role == UserRole.Rep, Ct);

        Assert.All(usage, u => Assert.True(u.Date >= asOf.AddDays(-120) && u.Date < asOf && u.ActiveUsers >= 0 && u.Events >= 0));
        Assert.All(tickets, t => Assert.True((t.ClosedAt is null || t.ClosedAt >= t.OpenedAt) && t.Satisfaction is null or (>= 1 and <= 5), t.Id));
        Assert.Equal(4, tickets.Select(t => t.Priority).Distinct().Count());
        var quarter = quotas.Where(q => q.PeriodStart <= asOf && asOf <= q.PeriodEnd).ToList();
        Assert.Equal(reps + 1, quarter.Count);
        Assert.Equal(new DateOnly(2026, 1, 1), quarter[0].PeriodStart);
        Assert.Equal(2, forecasts.Select(f => f.PeriodStart).Distinct().Count());
        Assert.All(forecasts.Where(f => f.OwnerId is null), company =>
            Assert.Equal(company.Amount, forecasts.Where(f => f.OwnerId is not null && f.TakenAt == company.TakenAt).Sum(f => f.Amount)));
        Assert.Equal(2, (await db.Spend.Select(s => s.Category).Distinct().ToListAsync(Ct)).Count);
    }
}
