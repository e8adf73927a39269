using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RevBot.Core.Company;
using RevBot.Core.Domain;
using RevBot.Core.Forecasting;
using RevBot.Core.Storage;
using RevBot.Data.Storage;
using RevBot.Testing;

namespace RevBot.Tests.Forecasting;

/// <summary>
/// The backtest on <see cref="BacktestCompany"/>: one quarter's numbers reproduced by an independent computation over
/// the rows themselves, and the leakage test (what happens after a checkpoint never changes its prediction).
/// </summary>
public sealed class ForecastBacktestTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task One_quarter_s_prediction_matches_an_independent_computation(DbProvider provider)
    {
        TestDatabase.RequireProvider(provider);
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.NewContext()) await BacktestCompany.SeedAsync(db, Ct);
        await using var read = database.NewContext();
        var row = await PredictAsync(read);
        var expected = await IndependentAsync(read);

        Assert.True(row.FromHistory);
        Assert.Equal(expected.Mean, (double)row.History, 1);
        Assert.Equal(expected.P10, (double)row.P10!.Value, 1);
        Assert.Equal(expected.P90, (double)row.P90!.Value, 1);
        // By hand: 7,000 won + 20 open × 5,000 × 5/20 + 6,000 created and won per past quarter.
        Assert.Equal(38_000m, row.History);
        // The CRM-weighted number then: 7,000 won + 100,000 in Discovery at 35%.
        Assert.Equal(7_000m + 35_000m, row.Weighted);
        Assert.Equal(38_000m, row.Actual);
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task What_happens_after_a_checkpoint_does_not_change_its_prediction(DbProvider provider)
    {
        TestDatabase.RequireProvider(provider);
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.NewContext()) await BacktestCompany.SeedAsync(db, Ct);
        BacktestRow before;
        await using (var db = database.NewContext()) before = await PredictAsync(db);

        var after = BacktestCompany.Checkpoint.AddDays(3);
        await using (var db = database.NewContext())
        {
            // Amounts and close dates changed later (the trigger dates those rows now), stage moves and a call after
            // the checkpoint, a deal created and won after it, and deals open then that are closed differently now.
            var open = await db.Deals.Where(d => d.Id.StartsWith("q4-d")).OrderBy(d => d.Id).ToListAsync(Ct);
            foreach (var deal in open.Take(6))
            {
                deal.Amount *= 3;
                deal.CloseDate = deal.CloseDate!.Value.AddDays(-20);
            }
            open[1].Status = DealStatus.Won;
            open[1].ClosedAt = after;
            db.DealHistory.Add(new DealHistoryEntry { DealId = open[2].Id, At = after, Amount = 1m, CloseDate = new DateOnly(2025, 10, 30), Pushes = 5 });
            db.DealStageHistory.Add(new DealStageChange { DealId = open[3].Id, Stage = "Negotiation", EnteredAt = after });
            db.Deals.Add(new Deal { Id = "late", Amount = 90_000m, Stage = "Closed Won", Status = DealStatus.Won, CreatedAt = after, CloseDate = new DateOnly(2025, 11, 20), ClosedAt = after.AddDays(20) });
            db.ForecastSnapshots.Add(new ForecastSnapshot { TakenAt = after, PeriodStart = new DateOnly(2025, 10, 1), PeriodEnd = new DateOnly(2025, 12, 31), Amount = 1m });
            await db.SaveChangesAsync(Ct);
        }

        await using (var db = database.NewContext())
        {
            var again = await PredictAsync(db);
            Assert.NotEqual(before.Actual, again.Actual);
            Assert.Equal((before.History, before.Weighted, before.P10, before.P90, before.Call), (again.History, again.Weighted, again.P10, again.P90, again.Call));
        }
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task The_database_writes_deal_history_whoever_changes_an_amount_or_close_date(DbProvider provider)
    {
        TestDatabase.RequireProvider(provider);
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.NewContext())
        {
            db.Deals.Add(new Deal { Id = "d1", Stage = "Discovery", Amount = 100m, CloseDate = new DateOnly(2026, 3, 1) });
            await db.SaveChangesAsync(Ct);
            var deal = await db.Deals.SingleAsync(Ct);
            deal.CloseDate = new DateOnly(2026, 4, 1);
            await db.SaveChangesAsync(Ct);
            deal.NextStep = "call";
            await db.SaveChangesAsync(Ct);
            // Raw SQL, as imports and syncs write.
            await db.Database.ExecuteSqlRawAsync("UPDATE deals SET amount = 80 WHERE id = 'd1'", Ct);
            await db.Database.ExecuteSqlRawAsync("UPDATE deals SET close_date = '2026-02-01' WHERE id = 'd1'", Ct);
        }
        await using (var db = database.NewContext())
        {
            var rows = await db.DealHistory.OrderBy(h => h.Id).Select(h => new { h.Amount, h.CloseDate, h.Pushes }).ToListAsync(Ct);
            Assert.Equal(
                [(100m, new DateOnly(2026, 3, 1), 0), (100m, new DateOnly(2026, 4, 1), 1), (80m, new DateOnly(2026, 4, 1), 1), (80m, new DateOnly(2026, 2, 1), 1)],
                rows.Select(r => (r.Amount, r.CloseDate!.Value, r.Pushes)));
        }
    }

    private static async Task<BacktestRow> PredictAsync(RevBotDb db)
    {
        var backtest = new ForecastBacktest(db, Options.Create(new CompanyOptions()), CompanyClock.At(BacktestCompany.Today, TimeZoneInfo.Utc));
        var report = await backtest.RunAsync(1, [4], Ct);
        var row = Assert.Single(report.Periods);
        Assert.Equal("2025-Q4", row.Period);
        return row;
    }

    /// <summary>
    /// The model's number computed another way: in memory, from every row, with the as-of rules written out. Every
    /// deal of this company falls in one feature cell, so its probability is the plain share of past open deals won.
    /// </summary>
    private static async Task<(double Mean, double P10, double P90)> IndependentAsync(RevBotDb db)
    {
        var deals = await db.Deals.AsNoTracking().ToListAsync(Ct);
        var starts = BacktestCompany.QuarterStarts.Select(s => s.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)).ToList();
        var offset = BacktestCompany.Checkpoint - starts[^1];
        bool OpenAt(Deal d, DateTime t) => d.CreatedAt <= t && (d.ClosedAt is null || d.ClosedAt > t);
        var past = starts.Take(4).Select(s => (S: s, T: s + offset, E: s.AddMonths(3))).ToList();
        var examples = past.Sum(q => deals.Count(d => OpenAt(d, q.T)));
        var wins = past.Sum(q => deals.Count(d => OpenAt(d, q.T) && d.Status == DealStatus.Won && d.ClosedAt < q.E));
        var p = (double)wins / examples;
        var runRates = past.Select(q => (double)deals.Where(d => d.Status == DealStatus.Won && d.CreatedAt > q.T && d.ClosedAt >= q.S && d.ClosedAt < q.E).Sum(d => d.Amount)).ToList();
        var pastPipeline = past.Average(q => (double)deals.Where(d => OpenAt(d, q.T)).Sum(d => d.Amount));
        var open = deals.Where(d => OpenAt(d, BacktestCompany.Checkpoint)).Select(d => (double)d.Amount).ToList();
        var growth = Math.Clamp(open.Sum() / pastPipeline, 0.5, 2);
        var won = (double)deals.Where(d => d.Status == DealStatus.Won && d.ClosedAt >= starts[^1] && d.ClosedAt < BacktestCompany.Checkpoint).Sum(d => d.Amount);
        var mean = won + (p * open.Sum()) + (runRates.Average() * growth);
        var runMean = runRates.Average();
        // Every past quarter converted exactly as expected (5 of 20 each time), so the spread between periods adds nothing.
        var variance = (p * (1 - p) * open.Sum(a => a * a)) + (runRates.Sum(r => (r - runMean) * (r - runMean)) / (runRates.Count - 1) * growth * growth);
        var sd = Math.Sqrt(variance);
        return (mean, Math.Max(won, mean - (1.2815515655446004 * sd)), mean + (1.2815515655446004 * sd));
    }
}
