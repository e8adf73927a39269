using Npgsql;
using RevBot.Core.Metrics;
using RevBot.Data.Storage;
using RevBot.Testing;
using RevBot.Tests.Demo;

using static RevBot.Tests.Metrics.RollupDatabase;

namespace RevBot.Tests.Metrics;

/// <summary>
/// PostgreSQL's closed-deal rollup (closed_deal_days) must equal its definition (the closed_deal_days_source view) after
/// every kind of write, whoever writes, and the engine must read it only where it gives the deals' own answer.
/// </summary>
public sealed class ClosedDayRollupTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_rollup_equals_its_definition_after_every_kind_of_write()
    {
        await using var database = await RollupDatabase.SeededAsync();
        await using var conn = await OpenAsync(database);
        await AssertMatchesAsync(conn, "after seeding");
        Assert.True(await ScalarAsync<long>(conn, "SELECT count(*) FROM closed_deal_days") > 0);
        Assert.True(await ScalarAsync<long>(conn, "SELECT count(DISTINCT dimension) FROM closed_deal_day_groups") == 5);
        Assert.True(await ScalarAsync<long>(conn, "SELECT count(*) FROM closed_deal_account_periods") > 0);

        string[] writes =
        [
            "UPDATE deals SET status = 'won', closed_at = '2026-12-01 15:00Z' WHERE id = 'o1'",
            "UPDATE deals SET status = 'lost', closed_at = '2026-12-31 04:30Z' WHERE id = 'o2'", // 23:30 local on the 30th
            "UPDATE deals SET amount = amount + 1234.56 WHERE status = 'won'",
            "UPDATE deals SET type = 'renewal' WHERE id = 'w1'",
            "UPDATE deals SET account_id = 'acc-cobalt' WHERE id = 'w6'",
            "UPDATE deals SET account_id = NULL WHERE id = 'q2c'",
            "UPDATE deals SET owner_id = (SELECT id FROM users WHERE email = 'bob@acme.test') WHERE account_id = 'acc-cobalt'",
            "UPDATE deals SET created_at = NULL WHERE id = 'w1'",
            "UPDATE deals SET closed_at = closed_at + interval '3 days'",
            "UPDATE deals SET status = 'open', closed_at = NULL WHERE id = 'q3a'",
            "UPDATE deals SET status = 'open', closed_at = NULL WHERE id = 'w4'", // a won deal reopened, no account
            "UPDATE deals SET status = 'lost' WHERE id = 'w2'",
            "UPDATE deals SET next_step = 'call them' WHERE status <> 'open'",
            "UPDATE deals SET product = 'Services' WHERE id = 'w2'",
            "UPDATE deals SET source = NULL WHERE id IN ('w3', 'l1')",
            "UPDATE deals SET loss_reason = 'timing' WHERE id = 'l3'",
            "UPDATE deals SET loss_reason = NULL, product = NULL WHERE id = 'l2'",
            "UPDATE accounts SET region = 'LATAM' WHERE id = 'acc-apex'",
            "UPDATE accounts SET region = NULL, segment = 'SMB' WHERE id = 'acc-birch'",
            "UPDATE accounts SET industry = 'Finance' WHERE id = 'acc-apex'",
            "UPDATE accounts SET industry = NULL WHERE id IN ('acc-birch', 'acc-cobalt')",
            "UPDATE accounts SET industry = 'Retail' WHERE industry IS NULL",
            "UPDATE accounts SET name = name || ' Inc' WHERE id = 'acc-delta'",
            "UPDATE users SET region = 'APAC' WHERE email = 'bob@acme.test'",
            "UPDATE users SET region = NULL WHERE email = 'carol@acme.test'",
            "UPDATE users SET region = 'NA' WHERE email = 'carol@acme.test'",
            "DELETE FROM users WHERE email = 'bob@acme.test'",
            """
            INSERT INTO deals (id, name, account_id, owner_id, amount, currency, stage, status, type, product, source, loss_reason, created_at, closed_at, version)
            SELECT id || '-copy', name, account_id, owner_id, amount, currency, stage, status, type, product, source, loss_reason, created_at, closed_at, 1 FROM deals
            """,
            "DELETE FROM deals WHERE id LIKE '%-copy' AND status = 'lost'",
            "TRUNCATE deals CASCADE",
        ];
        foreach (var write in writes)
        {
            await ExecuteAsync(conn, write);
            await AssertMatchesAsync(conn, "after " + write);
        }
    }

    [Fact]
    public async Task A_new_zone_is_filled_in_once()
    {
        await using var database = await TestDatabase.CreateAsync(DbProvider.Postgres);
        await using var db = database.NewContext();
        await RevenueDataset.SeedAsync(db);

        Assert.True(await Rollups.KeepZoneAsync(db, "Asia/Kolkata", Ct));
        Assert.False(await Rollups.KeepZoneAsync(db, "Asia/Kolkata", Ct));
        await using var conn = await OpenAsync(database);
        Assert.True(await ScalarAsync<long>(conn, "SELECT count(*) FROM closed_deal_days WHERE time_zone = 'Asia/Kolkata'") > 0);
        Assert.True(await ScalarAsync<long>(conn, "SELECT count(*) FROM closed_deal_day_groups WHERE time_zone = 'Asia/Kolkata'") > 0);
        await AssertMatchesAsync(conn, "after adding a zone");
        await Assert.ThrowsAsync<PostgresException>(() => Rollups.KeepZoneAsync(db, "Mars/Olympus_Mons", Ct));
    }

    [Fact]
    public async Task A_demo_load_with_its_triggers_off_rebuilds_the_rollup()
    {
        await using var database = await DemoCompanyFixture.SeedAsync(DbProvider.Postgres, 0.02);
        await using var conn = await OpenAsync(database);
        Assert.True(await ScalarAsync<long>(conn, "SELECT count(*) FROM closed_deal_days") > 100);
        Assert.True(await ScalarAsync<long>(conn, "SELECT count(*) FROM closed_deal_day_groups") > 100);
        Assert.True(await ScalarAsync<long>(conn, "SELECT count(*) FROM closed_deal_account_periods") > 100);
        await AssertMatchesAsync(conn, "after the demo load");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_region_change_racing_a_deal_close_leaves_the_rollup_right(bool accountFirst)
    {
        await using var database = await RollupDatabase.SeededAsync();
        await using var first = await RaceWithCloseAsync(database, "UPDATE accounts SET region = 'LATAM' WHERE id = 'acc-apex'", "region change", accountFirst);
        Assert.Equal(1L, await ScalarAsync<long>(first,
            "SELECT sum(deals) FROM closed_deal_days WHERE time_zone = 'UTC' AND day = '2026-12-01' AND region = 'LATAM'"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_industry_change_racing_a_deal_close_leaves_the_rollup_right(bool accountFirst)
    {
        await using var database = await RollupDatabase.SeededAsync();
        await using var first = await RaceWithCloseAsync(database, "UPDATE accounts SET industry = 'Aerospace' WHERE id = 'acc-apex'", "industry change", accountFirst);
        Assert.Equal(1L, await ScalarAsync<long>(first,
            "SELECT sum(deals) FROM closed_deal_day_groups WHERE time_zone = 'UTC' AND dimension = 'industry' AND day = '2026-12-01' AND value = 'Aerospace'"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Reopening_an_accounts_only_won_deal_of_the_quarter_racing_a_close_leaves_the_rollup_right(bool reopenFirst)
    {
        // w1 is Apex's only won deal of Q4 2026: its row goes to nothing and is removed while o1's close adds to it.
        await using var database = await RollupDatabase.SeededAsync();
        await using var first = await RaceWithCloseAsync(database, "UPDATE deals SET status = 'open', closed_at = NULL WHERE id = 'w1'", "reopen", reopenFirst);
        Assert.Equal(1L, await ScalarAsync<long>(first,
            $"SELECT deals FROM closed_deal_account_periods WHERE time_zone = '{RevenueDataset.TimeZone}' AND months = 3 AND period = '2026-10-01' AND account_id = 'acc-apex'"));
    }

    /// <summary>
    /// Runs <paramref name="write"/> and the close of an Apex deal on two connections, the one named first (<paramref name="writeFirst"/>)
    /// holding its transaction open: the other must wait for it, so each side's trigger sees the other's row. Then the
    /// rollups must equal their definitions. Returns the first connection for the caller's own check.
    /// </summary>
    private static async Task<NpgsqlConnection> RaceWithCloseAsync(TestDatabase database, string write, string label, bool writeFirst)
    {
        var first = await OpenAsync(database);
        await using var second = await OpenAsync(database);
        const string close = "UPDATE deals SET status = 'won', closed_at = '2026-12-01 15:00Z' WHERE id = 'o1'"; // an Apex deal

        await using (var tx = await first.BeginTransactionAsync(Ct))
        {
            await ExecuteAsync(first, writeFirst ? write : close);
            var other = ExecuteAsync(second, writeFirst ? close : write);
            await LockWaitAsync(database, second, other);
            Assert.False(other.IsCompleted, "the second write should wait for the first transaction");
            await tx.CommitAsync(Ct);
            await other;
        }

        await AssertMatchesAsync(first, writeFirst ? $"{label}, then close" : $"close, then {label}");
        return first;
    }

    [Fact]
    public async Task The_engine_reads_the_rollup_only_where_it_gives_the_deals_answer()
    {
        await using var database = await RollupDatabase.SeededAsync();
        var q4 = RevenueDataset.Q4_2026;
        var before = await WinRateAsync(database, RevenueDataset.TimeZone);
        var alice = await WinRateAsync(database, RevenueDataset.TimeZone, (Dimension.Owner, RevenueDataset.Alice));
        var tokyo = await WinRateAsync(database, "Asia/Tokyo");

        // Tampering with the rollup (no trigger guards it) shows which answers come from it.
        await using (var conn = await OpenAsync(database))
            await ExecuteAsync(conn, $"UPDATE closed_deal_days SET deals = deals + 100 WHERE status = 'lost' AND day BETWEEN '{q4.Start:yyyy-MM-dd}' AND '{q4.End:yyyy-MM-dd}'");

        Assert.NotEqual(before, await WinRateAsync(database, RevenueDataset.TimeZone));
        Assert.Equal(alice, await WinRateAsync(database, RevenueDataset.TimeZone, (Dimension.Owner, RevenueDataset.Alice)));
        // A zone nobody registered is never read (it has no rows there, so reading it would find no deals at all).
        Assert.Equal(tokyo, await WinRateAsync(database, "Asia/Tokyo"));
        Assert.NotNull(tokyo);
        await using (var conn = await OpenAsync(database))
            Assert.Equal(0L, await ScalarAsync<long>(conn, "SELECT count(*) FROM closed_deal_day_zones WHERE time_zone = 'Asia/Tokyo'"));
    }

    private static async Task AssertMatchesAsync(NpgsqlConnection conn, string when)
    {
        await RollupDatabase.AssertMatchesAsync(conn, "closed_deal_days", "time_zone, day, status, type, region, segment, deals, amount, cycle_seconds, cycle_deals", when);
        await RollupDatabase.AssertMatchesAsync(conn, "closed_deal_day_groups", "time_zone, dimension, day, status, value, deals, amount, cycle_seconds, cycle_deals", when);
        await RollupDatabase.AssertMatchesAsync(conn, "closed_deal_account_periods", "time_zone, months, period, account_id, deals, amount", when);
    }

    private static Task<decimal?> WinRateAsync(TestDatabase database, string zone, params (Dimension, string)[] filters) =>
        RollupDatabase.MetricAsync(database, "win_rate", RevenueDataset.Q4_2026, zone, filters);
}
