using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RevBot.Core.Company;
using RevBot.Core.Domain;
using RevBot.Core.Metrics;
using RevBot.Core.Metrics.Forecast;
using RevBot.Core.Periods;
using RevBot.Data.Storage;
using RevBot.Testing;

namespace RevBot.Tests.Forecasting;

/// <summary>
/// The forecast's two cache layers on <see cref="BacktestCompany"/>, asked on 28 Oct 2025 about Q4 2025: a write that
/// changes only the present (a deal closing inside the quarter) recomputes the answer from the kept learned table and
/// gives what a fresh computation gives; a write to the past is seen once an import or sync is recorded; superseded
/// entries are not kept.
/// </summary>
public sealed class ForecastCacheTests
{
    private static readonly Period Q4 = new(new DateOnly(2025, 10, 1), new DateOnly(2025, 12, 31), "Q4 2025", PeriodGrain.Quarter);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task A_write_today_keeps_the_learned_table_and_a_recorded_import_renews_it(DbProvider provider)
    {
        TestDatabase.RequireProvider(provider);
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.NewContext()) await BacktestCompany.SeedAsync(db, Ct);
        var before = await ForecastAsync(database);
        Assert.True(before.FromHistory);

        // The present: a deal open on 28 Oct is won on 20 Oct instead (won so far +5,000, one open deal fewer), its
        // stage moved as the deal path moves it.
        var won = new DateTime(2025, 10, 20, 0, 0, 0, DateTimeKind.Utc);
        await using (var db = database.NewContext())
        {
            await db.Deals.Where(d => d.Id == "q4-d1").ExecuteUpdateAsync(u => u.SetProperty(d => d.Status, DealStatus.Won).SetProperty(d => d.ClosedAt, won), Ct);
            db.DealStageHistory.Add(new DealStageChange { DealId = "q4-d1", Stage = "Closed Won", EnteredAt = won });
            await db.SaveChangesAsync(Ct);
        }
        var closed = await ForecastAsync(database);
        Assert.Equal(before.Won + 5_000m, closed.Won);
        Assert.Equal(closed, await FreshAsync(database));

        // The past: a deal open at Q3's checkpoint (28 Jul) and won in Q3, one more example for the learned table, written
        // without a record: the table is kept.
        await using (var db = database.NewContext())
        {
            db.Deals.Add(new Deal
            {
                Id = "backdated", Amount = 60_000m, Stage = "Closed Won", Status = DealStatus.Won, CreatedAt = new DateTime(2025, 7, 1, 0, 0, 0, DateTimeKind.Utc),
                CloseDate = new DateOnly(2025, 8, 20), ClosedAt = new DateTime(2025, 8, 20, 0, 0, 0, DateTimeKind.Utc),
            });
            await db.SaveChangesAsync(Ct);
        }
        var stale = await ForecastAsync(database);
        Assert.Equal(closed.Examples, stale.Examples);
        Assert.Equal(closed.Wins, stale.Wins);

        // An import recorded in the audit log (as CSV imports and syncs write it) renews the learned table.
        await using (var db = database.NewContext())
        {
            db.AuditLog.Add(new AuditEntry { At = DateTime.UtcNow, Channel = ChangeChannel.Import, Entity = "import", EntityId = "test", Action = "import" });
            await db.SaveChangesAsync(Ct);
        }
        var renewed = await ForecastAsync(database);
        Assert.Equal(stale.Examples + 1, renewed.Examples);
        Assert.Equal(stale.Wins + 1, renewed.Wins);
        // Each write renewed a stamp: only the newest answer and learned table are kept (a host syncing every few
        // minutes would otherwise pile up superseded tables).
        await using (var db = database.NewContext())
            Assert.Equal((1, 1), ForecastCache.Kept(db.Database.GetConnectionString()!));
        Assert.Equal(renewed, await FreshAsync(database));
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Other_stage_probabilities_are_another_answer_not_the_kept_one(DbProvider provider)
    {
        TestDatabase.RequireProvider(provider);
        await using var database = await SeedWithOpenDealAsync(provider, probability: null);
        var configured = await ForecastAsync(database);

        // The same company with every stage at 10%: the CRM-weighted number (and the learned table, which weighs past
        // pipelines the same way) must be computed with them, not read from the entry kept for the defaults.
        var tenPercent = new CompanyOptions();
        tenPercent.Stages.AddRange(CompanyOptions.DefaultStages.Select(s => new StageDefinition { Name = s.Name, Probability = 10 }));
        var other = await ForecastAsync(database, tenPercent);
        Assert.NotEqual(configured.Weighted, other.Weighted);
        Assert.Equal(other, await FreshAsync(database, tenPercent));
        Assert.Equal(configured, await ForecastAsync(database));
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task A_deal_s_own_probability_changed_is_in_the_next_weighted_number(DbProvider provider)
    {
        TestDatabase.RequireProvider(provider);
        await using var database = await SeedWithOpenDealAsync(provider, probability: 20);
        var before = await ForecastAsync(database);

        // A rep sets the deal's probability on its card: no amount, close date or stage moves, no history row is written.
        await using (var db = database.NewContext())
            await db.Deals.Where(d => d.Id == "open-now").ExecuteUpdateAsync(u => u.SetProperty(d => d.Probability, 80), Ct);
        var after = await ForecastAsync(database);
        Assert.Equal(before.Weighted + 6_000m, after.Weighted);
        Assert.Equal(after, await FreshAsync(database));
    }

    /// <summary>The backtest company and one deal open now, expected in Q4, in Discovery: what probabilities weigh.</summary>
    private static async Task<TestDatabase> SeedWithOpenDealAsync(DbProvider provider, int? probability)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext();
        await BacktestCompany.SeedAsync(db, Ct);
        db.Deals.Add(new Deal
        {
            Id = "open-now", Amount = 10_000m, Stage = "Discovery", Status = DealStatus.Open, Probability = probability,
            CreatedAt = new DateTime(2025, 10, 2, 0, 0, 0, DateTimeKind.Utc), CloseDate = new DateOnly(2025, 11, 20),
        });
        await db.SaveChangesAsync(Ct);
        return database;
    }

    private static async Task<Numbers> FreshAsync(TestDatabase database, CompanyOptions? company = null)
    {
        ForecastCache.Clear();
        return await ForecastAsync(database, company);
    }

    private static async Task<Numbers> ForecastAsync(TestDatabase database, CompanyOptions? company = null)
    {
        await using var db = database.NewContext();
        var engine = new MetricEngine(db, Options.Create(company ?? new CompanyOptions()), CompanyClock.At(new DateOnly(2025, 10, 28), TimeZoneInfo.Utc));
        var value = (await engine.EvaluateAsync(new MetricQuery(MetricIds.Forecast, Q4, new Dictionary<Dimension, string>()), Ct)).Total;
        var f = value.Forecast!;
        return new Numbers(f.Expected, f.P10, f.P90, f.Won, f.FromOpen, f.FromNotYetCreated, f.Weighted, f.FromHistory, f.Examples, f.Wins);
    }

    /// <summary>A prediction's numbers (its lists of deals and risks compare by reference, so they are left out).</summary>
    private sealed record Numbers(decimal Expected, decimal? P10, decimal? P90, decimal Won, decimal FromOpen, decimal FromNotYetCreated, decimal Weighted, bool FromHistory, long Examples, long Wins);
}
