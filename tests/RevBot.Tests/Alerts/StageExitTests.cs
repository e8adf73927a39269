using Microsoft.EntityFrameworkCore;
using RevBot.Core.Domain;
using RevBot.Core.Storage;
using RevBot.Data.Storage;
using RevBot.Testing;

namespace RevBot.Tests.Alerts;

/// <summary>
/// deal_stage_history.left_at is kept by the database: whoever inserts, deletes or moves a row, every row of that deal
/// ends up carrying its next strictly later entry (null for the latest). The stage norms read it.
/// </summary>
public sealed class StageExitTests
{
    private static readonly DateTime T0 = new(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Inserts_deletes_and_moves_keep_every_row_s_exit(DbProvider provider)
    {
        TestDatabase.RequireProvider(provider);
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.NewContext())
        {
            db.Deals.AddRange(new Deal { Id = "d1", Stage = "Proposal" }, new Deal { Id = "d2", Stage = "Qualify" });
            await db.SaveChangesAsync(Ct);
            // In order, then one entry that lands between two others, then another deal's rows (untouched by d1's).
            db.DealStageHistory.AddRange(Entry("d1", "Qualify", 0), Entry("d1", "Proposal", 20), Entry("d2", "Qualify", 3));
            await db.SaveChangesAsync(Ct);
            db.DealStageHistory.Add(Entry("d1", "Discovery", 5));
            await db.SaveChangesAsync(Ct);
        }
        Assert.Equal(
            [("d1", "Qualify", Day(5)), ("d1", "Discovery", Day(20)), ("d1", "Proposal", null), ("d2", "Qualify", null)],
            await ExitsAsync(database));

        await using (var db = database.NewContext())
        {
            await db.DealStageHistory.Where(h => h.DealId == "d1" && h.Stage == "Discovery").ExecuteDeleteAsync(Ct);
        }
        Assert.Equal([("d1", "Qualify", Day(20)), ("d1", "Proposal", null), ("d2", "Qualify", null)], await ExitsAsync(database));

        await using (var db = database.NewContext())
        {
            // Proposal moves to d2, after d2's Qualify: d1's Qualify is now the latest of d1, d2's Qualify has an exit.
            await db.DealStageHistory.Where(h => h.DealId == "d1" && h.Stage == "Proposal")
                .ExecuteUpdateAsync(s => s.SetProperty(h => h.DealId, "d2"), Ct);
        }
        Assert.Equal([("d1", "Qualify", null), ("d2", "Qualify", Day(20)), ("d2", "Proposal", null)], await ExitsAsync(database));
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Entries_at_the_same_instant_both_leave_at_the_next_later_one(DbProvider provider)
    {
        TestDatabase.RequireProvider(provider);
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.NewContext())
        {
            db.Deals.Add(new Deal { Id = "d1", Stage = "Proposal" });
            db.DealStageHistory.AddRange(Entry("d1", "Qualify", 0), Entry("d1", "Discovery", 0), Entry("d1", "Proposal", 7));
            await db.SaveChangesAsync(Ct);
        }

        Assert.Equal([("d1", "Discovery", Day(7)), ("d1", "Qualify", Day(7)), ("d1", "Proposal", null)], await ExitsAsync(database));
    }

    private static DealStageChange Entry(string deal, string stage, int day) => new() { DealId = deal, Stage = stage, EnteredAt = Day(day) };

    private static DateTime Day(int day) => T0.AddDays(day);

    private static async Task<List<(string, string, DateTime?)>> ExitsAsync(TestDatabase database)
    {
        await using RevBotDb db = database.NewContext();
        var rows = await db.DealStageHistory.AsNoTracking()
            .OrderBy(h => h.DealId).ThenBy(h => h.EnteredAt).ThenBy(h => h.Stage).ToListAsync(Ct);
        return rows.Select(h => (h.DealId, h.Stage, h.LeftAt)).ToList();
    }
}
