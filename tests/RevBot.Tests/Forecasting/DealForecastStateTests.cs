using Microsoft.EntityFrameworkCore;
using RevBot.Core.Domain;
using RevBot.Core.Storage;
using RevBot.Data.Storage;
using RevBot.Testing;
using RevBot.Tests.Demo;

namespace RevBot.Tests.Forecasting;

/// <summary>
/// What the forecast reads of today's open deals without probing their history: each deal's push count
/// (<see cref="Deal.ClosePushes"/>) and stage entry (<see cref="Deal.StageEnteredAt"/>), kept by the database's
/// triggers on the history tables whoever writes them, and written by the demo's bulk load as the triggers would.
/// </summary>
public sealed class DealForecastStateTests(DemoCompanyFixture demo)
{
    private static readonly DateTime T1 = new(2026, 1, 5, 9, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime T2 = new(2026, 2, 9, 9, 0, 0, DateTimeKind.Utc);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task A_push_and_a_stage_change_move_the_deal_s_push_count_and_stage_entry(DbProvider provider)
    {
        TestDatabase.RequireProvider(provider);
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.NewContext())
        {
            db.Deals.Add(new Deal { Id = "d1", Stage = "Discovery", Amount = 100m, CloseDate = new DateOnly(2026, 3, 1) });
            db.Deals.Add(new Deal { Id = "d2", Stage = "Discovery", Amount = 50m, CloseDate = new DateOnly(2026, 3, 1) });
            await db.SaveChangesAsync(Ct);
        }
        Assert.Equal((0, null), await StateAsync(database, "d1"));

        await using (var db = database.NewContext())
        {
            // The deal path: a push, then a stage move.
            var deal = await db.Deals.SingleAsync(d => d.Id == "d1", Ct);
            deal.CloseDate = new DateOnly(2026, 4, 1);
            db.DealStageHistory.Add(new DealStageChange { DealId = "d1", Stage = "Discovery", EnteredAt = T1 });
            await db.SaveChangesAsync(Ct);
        }
        Assert.Equal((1, T1), await StateAsync(database, "d1"));

        await using (var db = database.NewContext())
        {
            // Raw SQL, as imports and syncs write: a second push, an earlier date (not a push), an amount, a later stage.
            await db.Database.ExecuteSqlRawAsync("UPDATE deals SET close_date = '2026-05-01' WHERE id = 'd1'", Ct);
            await db.Database.ExecuteSqlRawAsync("UPDATE deals SET close_date = '2026-04-15', amount = 90 WHERE id = 'd1'", Ct);
            await db.DealStageHistory.AddAsync(new DealStageChange { DealId = "d1", Stage = "Proposal", EnteredAt = T2 }, Ct);
            await db.SaveChangesAsync(Ct);
        }
        Assert.Equal((2, T2), await StateAsync(database, "d1"));
        // The other deal was not touched.
        Assert.Equal((0, null), await StateAsync(database, "d2"));

        await using (var db = database.NewContext())
        {
            // A stage history corrected by a sync: the latest entry removed, then an earlier one moved.
            await db.DealStageHistory.Where(s => s.DealId == "d1" && s.EnteredAt == T2).ExecuteDeleteAsync(Ct);
            Assert.Equal((2, T1), await StateAsync(database, "d1"));
            await db.DealStageHistory.Where(s => s.DealId == "d1").ExecuteUpdateAsync(u => u.SetProperty(s => s.EnteredAt, T2), Ct);
        }
        Assert.Equal((2, T2), await StateAsync(database, "d1"));
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task The_demo_s_deals_carry_their_latest_history_rows(DbProvider provider)
    {
        var database = await demo.GetAsync(provider);
        await using var db = database.NewContext();
        var deals = await db.Deals.AsNoTracking().Select(d => new { d.Id, d.ClosePushes, d.StageEnteredAt }).ToListAsync(Ct);
        var pushes = (await db.DealHistory.AsNoTracking().Select(h => new { h.DealId, h.At, h.Id, h.Pushes }).ToListAsync(Ct))
            .GroupBy(h => h.DealId).ToDictionary(g => g.Key, g => g.MaxBy(h => (h.At, h.Id))!.Pushes, StringComparer.Ordinal);
        var entered = (await db.DealStageHistory.AsNoTracking().GroupBy(s => s.DealId).Select(g => new { g.Key, At = g.Max(s => s.EnteredAt) }).ToListAsync(Ct))
            .ToDictionary(s => s.Key, s => s.At, StringComparer.Ordinal);

        Assert.NotEmpty(deals);
        Assert.Contains(deals, d => d.ClosePushes >= 2);
        Assert.All(deals, d =>
        {
            Assert.Equal(pushes.TryGetValue(d.Id, out var p) ? p : null, d.ClosePushes);
            Assert.Equal(entered.TryGetValue(d.Id, out var e) ? e : null, d.StageEnteredAt);
        });
    }

    private static async Task<(int? Pushes, DateTime? Entered)> StateAsync(TestDatabase database, string id)
    {
        await using var db = database.NewContext();
        var deal = await db.Deals.AsNoTracking().SingleAsync(d => d.Id == id, Ct);
        return (deal.ClosePushes, deal.StageEnteredAt);
    }
}
