using Microsoft.EntityFrameworkCore;
using RevBot.Core.Alerts;
using RevBot.Core.Domain;
using RevBot.Data.Storage;
using RevBot.Testing;
using RevBot.Tests.Demo;

using static RevBot.Tests.Metrics.RollupDatabase;

namespace RevBot.Tests.Alerts;

/// <summary>
/// PostgreSQL's stage exits per UTC day, stage and whole days (stage_exit_days) must equal their definition after every
/// kind of write to the stage history, and the stage norms read from them (whole days) plus the history (the edge days)
/// must count exactly the exits in the look-back, like SQLite, which reads every exit.
/// </summary>
public sealed class StageExitDayTests
{
    private const string Columns = "left_on, stage, days, exits";
    private static readonly DateTime T0 = new(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_rollup_equals_its_definition_after_every_kind_of_write()
    {
        TestDatabase.RequireProvider(DbProvider.Postgres);
        await using var database = await TestDatabase.CreateAsync(DbProvider.Postgres);
        await using var conn = await OpenAsync(database);
        await using (var db = database.NewContext())
        {
            db.Deals.AddRange(new Deal { Id = "d1", Stage = "Proposal" }, new Deal { Id = "d2", Stage = "Qualify" }, new Deal { Id = "d3", Stage = "Qualify" });
            await db.SaveChangesAsync(Ct);
            db.DealStageHistory.AddRange(Entry("d1", "Qualify", 0), Entry("d1", "Proposal", 20), Entry("d2", "Qualify", 3), Entry("d3", "Qualify", 3));
            await db.SaveChangesAsync(Ct);
        }
        await AssertMatchesAsync(conn, "stage_exit_days", Columns, "after the first entries");
        Assert.Equal(1L, await ScalarAsync<long>(conn, "SELECT sum(exits) FROM stage_exit_days"));

        string[] writes =
        [
            // A stage change: d2 leaves Qualify after 9 days, d3 the same day after as many (one group of two).
            "INSERT INTO deal_stage_history (deal_id, stage, entered_at) VALUES ('d2', 'Proposal', '2026-03-13 09:00Z'), ('d3', 'Proposal', '2026-03-13 10:00Z')",
            // Backdated between two entries: d1's Qualify now leaves on day 5, the new one on day 20.
            "INSERT INTO deal_stage_history (deal_id, stage, entered_at) VALUES ('d1', 'Discovery', '2026-03-06 09:00Z')",
            // Imported with its exit already set (as the CSV importer writes).
            "INSERT INTO deal_stage_history (deal_id, stage, entered_at, left_at) VALUES ('d3', 'Negotiation', '2026-03-20 10:00Z', '2026-03-25 11:00Z')",
            "UPDATE deal_stage_history SET stage = 'Demo' WHERE deal_id = 'd1' AND stage = 'Discovery'", // renamed: another group
            "UPDATE deal_stage_history SET entered_at = entered_at - interval '2 days' WHERE deal_id = 'd2' AND stage = 'Qualify'", // longer
            "UPDATE deal_stage_history SET entered_at = '2026-03-16 23:59:59Z' WHERE deal_id = 'd2' AND stage = 'Proposal'", // later exit day
            "UPDATE deal_stage_history SET deal_id = 'd2' WHERE deal_id = 'd1' AND stage = 'Proposal'", // moved to another deal
            "UPDATE deals SET name = 'renamed'", // no history row changes
            "DELETE FROM deal_stage_history WHERE deal_id = 'd1' AND stage = 'Demo'",
            "DELETE FROM deals WHERE id = 'd3'", // its rows go by cascade
            "TRUNCATE deal_stage_history",
        ];
        foreach (var write in writes)
        {
            await ExecuteAsync(conn, write);
            await AssertMatchesAsync(conn, "stage_exit_days", Columns, "after " + write);
            Assert.Equal(0L, await ScalarAsync<long>(conn, "SELECT count(*) FROM stage_exit_days WHERE exits <= 0"));
        }
        Assert.Equal(0L, await ScalarAsync<long>(conn, "SELECT count(*) FROM stage_exit_days"));
    }

    [Fact]
    public async Task The_demo_load_fills_it()
    {
        TestDatabase.RequireProvider(DbProvider.Postgres);
        await using var demo = await DemoCompanyFixture.SeedAsync(DbProvider.Postgres, 0.02);
        await using var conn = await OpenAsync(demo);
        Assert.True(await ScalarAsync<long>(conn, "SELECT count(*) FROM stage_exit_days") > 100);
        await AssertMatchesAsync(conn, "stage_exit_days", Columns, "after the demo load");
    }

    /// <summary>
    /// Now is 15:30 UTC and the look-back 10 days: exits on the first day (before and after 15:30 ten days ago), on a
    /// whole day between, earlier today, at now and after it. Each deal spends a different number of whole days in
    /// Proposal, so the norm at 0% and 100% names the shortest and longest exit counted.
    /// </summary>
    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task The_norms_count_exactly_the_exits_in_the_look_back(DbProvider provider)
    {
        TestDatabase.RequireProvider(provider);
        await using var database = await TestDatabase.CreateAsync(provider);
        var now = new DateTime(2026, 11, 27, 15, 30, 0, DateTimeKind.Utc);
        var from = now.AddDays(-10);
        (string Deal, DateTime Left, int Days)[] exits =
        [
            ("at-from", from, 1), // not after the look-back's start: out
            ("after-from", from.AddSeconds(1), 2),
            ("first-day-before", from.Date.AddHours(10), 3), // the first day, before 15:30: out
            ("whole-day", new DateTime(2026, 11, 20, 12, 0, 0, DateTimeKind.Utc), 4),
            ("today", now.Date.AddHours(9), 5),
            ("at-now", now, 6),
            ("after-now", now.AddMinutes(30), 7), // out
            ("tomorrow", now.Date.AddDays(1).AddHours(1), 8), // out
            ("last-midnight", now.Date, 9),
            ("first-midnight", from.Date.AddDays(1), 10),
        ];
        await using (var db = database.NewContext())
        {
            foreach (var (deal, left, days) in exits)
            {
                db.Deals.Add(new Deal { Id = deal, Stage = "Negotiation" });
                db.DealStageHistory.AddRange(
                    new DealStageChange { DealId = deal, Stage = "Proposal", EnteredAt = left.AddDays(-days).AddHours(-1) },
                    new DealStageChange { DealId = deal, Stage = "Negotiation", EnteredAt = left });
            }
            await db.SaveChangesAsync(Ct);
        }

        async Task<StageNorm> NormAsync(int percentile)
        {
            await using var db = database.NewContext();
            var settings = new StalledDealSettings { StageNormPercentile = percentile, StageNormLookbackDays = 10 };
            return (await StageNormQuery.RunAsync(db, settings, now, Ct))["Proposal"];
        }

        // In: 2, 4, 5, 6, 9 and 10 days.
        Assert.Equal(new StageNorm("Proposal", 2, 6), await NormAsync(0));
        Assert.Equal(new StageNorm("Proposal", 10, 6), await NormAsync(100));
        Assert.Equal(new StageNorm("Proposal", 5.5, 6), await NormAsync(50));
    }

    private static DealStageChange Entry(string deal, string stage, int day) => new() { DealId = deal, Stage = stage, EnteredAt = T0.AddDays(day) };
}
