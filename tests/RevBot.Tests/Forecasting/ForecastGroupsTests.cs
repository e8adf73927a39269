using Microsoft.EntityFrameworkCore;
using RevBot.Core.Company;
using RevBot.Core.Domain;
using RevBot.Core.Metrics;
using RevBot.Core.Metrics.Forecast;
using RevBot.Core.Periods;
using RevBot.Core.Storage;
using RevBot.Data.Storage;
using RevBot.Testing;

namespace RevBot.Tests.Forecasting;

/// <summary>
/// <see cref="BacktestCompany"/> cut at week 4 of 2025-Q4 (28 Oct): what happened after is removed and the deals open
/// then are open now, as a live database is on its as-of day. Today's checkpoint read from the deals' current state
/// gives what reading it from history gives; a breakdown applies the company's one model to each group, so the groups'
/// expectations from open deals add up to the total's, and each group has its own deals driving it and its own risks.
/// </summary>
public sealed class ForecastGroupsTests
{
    internal static readonly DateTime At = new(2025, 10, 29, 0, 0, 0, DateTimeKind.Utc);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Today_read_from_the_deals_current_state_matches_today_read_from_history(DbProvider provider)
    {
        TestDatabase.RequireProvider(provider);
        await using var database = await CompanyAsOfAsync(provider);
        await using var db = database.NewContext();
        var context = Context(db);
        var current = (await Forecaster.PredictAsync(context, Dimension.Type, At, withDeals: true, learned: null, current: true, Ct)).Total;
        var history = (await Forecaster.PredictAsync(context, Dimension.Type, At, withDeals: true, learned: null, current: false, Ct)).Total;
        Assert.True(current.FromHistory);
        Assert.True(current.FromOpen > 0);
        Assert.Equal((history.Expected, history.P10, history.P90, history.FromOpen, history.Weighted), (current.Expected, current.P10, current.P90, current.FromOpen, current.Weighted));
        Assert.Equal(history.Risks, current.Risks);
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Each_group_has_its_own_deals_driving_it_and_its_own_risks(DbProvider provider)
    {
        TestDatabase.RequireProvider(provider);
        await using var database = await CompanyAsOfAsync(provider);
        await using var db = database.NewContext();
        var result = await Forecaster.PredictAsync(Context(db), Dimension.Type, At, withDeals: true, learned: null, current: true, Ct);

        var expansion = result.Groups.Single(g => g.Key.Key == "expansion").Value;
        var fresh = result.Groups.Single(g => g.Key.Key == "new").Value;
        // One model for the company: the groups' open pipelines' expectations add up (to the cent each is rounded to).
        Assert.InRange(expansion.FromOpen + fresh.FromOpen - result.Total.FromOpen, -0.02m, 0.02m);
        Assert.NotEmpty(expansion.TopDeals);
        Assert.NotEmpty(fresh.TopDeals);
        Assert.All(expansion.TopDeals, d => Assert.Contains(d.Id, ExpansionIds));
        Assert.All(fresh.TopDeals, d => Assert.DoesNotContain(d.Id, ExpansionIds));
        // q4-d0 (an expansion) is past its close date; nothing of the new deals is.
        Assert.Equal(new ForecastRisk(ForecastRiskKind.Overdue, 1, 5_000m), Assert.Single(expansion.Risks));
        Assert.Empty(fresh.Risks);
        Assert.Contains(result.Total.Risks, r => r.Kind == ForecastRiskKind.Overdue && r.Deals == 1);
    }

    private static readonly string[] ExpansionIds = [.. Enumerable.Range(0, 10).Select(i => $"q4-d{i}")];

    private static MetricContext Context(RevBotDb db) => new(db, new CompanyOptions(), MetricCatalog.Get(MetricIds.Forecast),
        MetricWindow.Create(new Period(new DateOnly(2025, 10, 1), new DateOnly(2025, 12, 31), "Q4 2025", PeriodGrain.Quarter),
            CompanyClock.At(new DateOnly(2025, 10, 28), TimeZoneInfo.Utc)),
        new Dictionary<Dimension, string>());

    /// <summary>The company as it stood at <see cref="At"/>: half of Q4's deals expansions, one of them overdue.</summary>
    internal static async Task<TestDatabase> CompanyAsOfAsync(DbProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext();
        await BacktestCompany.SeedAsync(db, Ct);
        var later = db.Deals.Where(d => d.CreatedAt > At).Select(d => d.Id);
        await db.DealHistory.Where(h => later.Contains(h.DealId)).ExecuteDeleteAsync(Ct);
        await db.DealStageHistory.Where(s => later.Contains(s.DealId)).ExecuteDeleteAsync(Ct);
        await db.Deals.Where(d => d.CreatedAt > At).ExecuteDeleteAsync(Ct);
        foreach (var deal in await db.Deals.Where(d => d.ClosedAt > At).ToListAsync(Ct))
        {
            var known = await db.DealHistory.Where(h => h.DealId == deal.Id && h.At <= At).OrderByDescending(h => h.At).FirstAsync(Ct);
            (deal.Status, deal.ClosedAt, deal.Stage, deal.CloseDate) = (DealStatus.Open, null, "Discovery", known.CloseDate);
            if (ExpansionIds.Contains(deal.Id)) deal.Type = DealType.Expansion;
        }
        // q4-d0's close date moved to 20 Oct on 15 Oct: overdue at the checkpoint, in both readings.
        (await db.Deals.SingleAsync(d => d.Id == "q4-d0", Ct)).CloseDate = new DateOnly(2025, 10, 20);
        db.DealHistory.Add(new DealHistoryEntry { DealId = "q4-d0", At = new DateTime(2025, 10, 15, 0, 0, 0, DateTimeKind.Utc), Amount = 5_000m, CloseDate = new DateOnly(2025, 10, 20) });
        await db.SaveChangesAsync(Ct);
        // The trigger dates the rows it wrote for these edits now: they are not part of the company as of then.
        await db.DealHistory.Where(h => h.At > At).ExecuteDeleteAsync(Ct);
        return database;
    }
}
