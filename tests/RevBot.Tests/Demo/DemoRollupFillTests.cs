using Microsoft.EntityFrameworkCore;
using Npgsql;
using RevBot.Core.Company;
using RevBot.Data.Demo;
using RevBot.Data.Storage;
using RevBot.Testing;

using static RevBot.Tests.Metrics.RollupDatabase;

namespace RevBot.Tests.Demo;

/// <summary>
/// PostgreSQL's seed fills the closed-deal and cohort rollups after its commit, on parallel connections. A fill that
/// stops there must leave the data committed, its zone or windows unregistered (so nothing reads a half-filled rollup),
/// and the registration the host does at start must complete it.
/// </summary>
public sealed class DemoRollupFillTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_registered_zone_and_window_is_filled_in_after_a_seed()
    {
        await using var database = await TestDatabase.CreateAsync(DbProvider.Postgres);
        await using var conn = await OpenAsync(database);
        await ExecuteAsync(conn, "INSERT INTO closed_deal_day_zones VALUES ('Asia/Kolkata')");
        var zones = await ScalarAsync<long>(conn, "SELECT count(*) FROM closed_deal_day_zones");
        var windows = await ScalarAsync<long>(conn, "SELECT count(*) FROM cohort_windows");
        await using (var db = database.NewContext())
            await DemoSeeder.SeedAsync(db, new DemoSeedOptions { Scale = 0.02, AsOf = DemoCompanyFixture.AsOf }, ct: Ct);

        Assert.Equal(zones, await ScalarAsync<long>(conn, "SELECT count(*) FROM closed_deal_day_zones"));
        Assert.Equal(windows, await ScalarAsync<long>(conn, "SELECT count(*) FROM cohort_windows"));
        Assert.True(await ScalarAsync<long>(conn, "SELECT count(DISTINCT time_zone) FROM closed_deal_days") == zones);
        Assert.True(await ScalarAsync<long>(conn, "SELECT count(DISTINCT (d0, d1)) FROM cohort_window_stats") > windows / 2);
        await AssertRollupsMatchAsync(conn, "after the seed");
    }

    [Fact]
    public async Task A_seed_whose_rollup_fill_fails_keeps_its_data_and_the_host_fills_the_rollup_in_later()
    {
        await using var database = await TestDatabase.CreateAsync(DbProvider.Postgres);
        await using var conn = await OpenAsync(database);
        // A zone PostgreSQL does not know (Rollups.KeepZoneAsync would refuse it; the table does not): its fill after the
        // commit fails. It is the only zone, so the company's own is missing afterwards, as after a seed stopped there.
        await ExecuteAsync(conn, "DELETE FROM closed_deal_day_zones; INSERT INTO closed_deal_day_zones VALUES ('Mars/Olympus_Mons')");
        await using var db = database.NewContext();

        var failed = await Assert.ThrowsAsync<DemoSeedIncompleteException>(() =>
            DemoSeeder.SeedAsync(db, new DemoSeedOptions { Scale = 0.02, AsOf = DemoCompanyFixture.AsOf }, ct: Ct));

        Assert.IsType<PostgresException>(failed.InnerException);
        Assert.Contains("revbot db migrate", failed.Message, StringComparison.Ordinal);
        Assert.True(await ScalarAsync<long>(conn, "SELECT count(*) FROM deals") > 100, "the data is committed");
        Assert.Equal(0L, await ScalarAsync<long>(conn, "SELECT count(*) FROM closed_deal_day_zones"));
        Assert.Equal(0L, await ScalarAsync<long>(conn, "SELECT count(*) FROM closed_deal_days"));
        // The windows' fills ran beside the failing one and committed on their own.
        Assert.True(await ScalarAsync<long>(conn, "SELECT count(*) FROM cohort_window_stats") > 100);
        await AssertRollupsMatchAsync(conn, "after the failed fill");
        await Assert.ThrowsAsync<DemoSeedRefusedException>(() =>
            DemoSeeder.SeedAsync(db, new DemoSeedOptions { Scale = 0.02, AsOf = DemoCompanyFixture.AsOf }, ct: Ct));

        // What the host's start (and `revbot db migrate`) does.
        var (zone, _) = await Rollups.KeepAsync(db, new CompanyOptions { TimeZone = "UTC" }, DemoCompanyFixture.AsOf, Ct);

        Assert.True(zone);
        Assert.True(await ScalarAsync<long>(conn, "SELECT count(*) FROM closed_deal_days WHERE time_zone = 'UTC'") > 100);
        Assert.Equal(await db.Deals.CountAsync(d => d.ClosedAt != null && (d.Status == Core.Domain.DealStatus.Won || d.Status == Core.Domain.DealStatus.Lost), Ct),
            await ScalarAsync<long>(conn, "SELECT sum(deals) FROM closed_deal_days WHERE time_zone = 'UTC'"));
        await AssertRollupsMatchAsync(conn, "after the host registered the company's zone");
    }

    private static async Task AssertRollupsMatchAsync(NpgsqlConnection conn, string when)
    {
        await AssertMatchesAsync(conn, "closed_deal_days", "time_zone, day, status, type, region, segment, deals, amount, cycle_seconds, cycle_deals", when);
        await AssertMatchesAsync(conn, "closed_deal_day_groups", "time_zone, dimension, day, status, value, deals, amount, cycle_seconds, cycle_deals", when);
        await AssertMatchesAsync(conn, "cohort_window_stats", "d0, d1, region, segment, accounts, m0, m1, kept, churned", when);
        await AssertMatchesAsync(conn, "subscription_mrr_days", "day, region, segment, product, subscriptions, mrr", when);
        await AssertMatchesAsync(conn, "customer_days", "day, region, segment, accounts", when);
    }
}
