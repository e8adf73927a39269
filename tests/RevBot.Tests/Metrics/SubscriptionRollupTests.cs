using Npgsql;
using RevBot.Core.Metrics;
using RevBot.Data.Storage;
using RevBot.Testing;
using RevBot.Tests.Demo;

using static RevBot.Tests.Metrics.RollupDatabase;

namespace RevBot.Tests.Metrics;

/// <summary>
/// PostgreSQL's subscription rollups (subscription_mrr_days, cohort_window_stats and customer_days) must equal their definitions (the
/// *_source views) after every kind of write, and the engine must read them only where they give the subscriptions'
/// own answer.
/// </summary>
public sealed class SubscriptionRollupTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_rollup_equals_its_definition_after_every_kind_of_write()
    {
        await using var database = await RollupDatabase.SeededAsync();
        await using var conn = await OpenAsync(database);
        await AssertMatchesAsync(conn, "after seeding");
        Assert.True(await ScalarAsync<long>(conn, "SELECT count(*) FROM cohort_window_stats") > 0);
        Assert.True(await ScalarAsync<long>(conn, "SELECT count(*) FROM subscription_mrr_days") > 0);
        Assert.True(await ScalarAsync<long>(conn, "SELECT count(*) FROM customer_days") > 0);

        string[] writes =
        [
            "INSERT INTO subscriptions (id, account_id, product, mrr, start_date) VALUES ('sub-apex-3', 'acc-apex', 'Platform', 250, '2026-08-15')",
            "INSERT INTO subscriptions (id, account_id, product, mrr, start_date, end_date) VALUES ('sub-new', 'acc-birch', 'Analytics', 90, '2026-02-01', '2026-05-01')",
            "UPDATE subscriptions SET mrr = mrr * 2 WHERE id = 'sub-cobalt-1'",
            "UPDATE subscriptions SET end_date = '2026-08-01' WHERE id = 'sub-apex-1'",
            "UPDATE subscriptions SET account_id = 'acc-ember' WHERE id = 'sub-delta'",
            "UPDATE subscriptions SET product = 'Renamed' WHERE account_id = 'acc-cobalt'",
            "UPDATE subscriptions SET start_date = start_date - 400, end_date = NULL WHERE account_id = 'acc-birch'",
            "DELETE FROM subscriptions WHERE id = 'sub-cobalt-2'",
            // A write is applied from the rows it changed (SubscriptionRollupsByChange): a second run of an account's
            // days, a row bridging two runs and its removal, a row that ends as it starts, and rows far from every
            // window, alone and beside others.
            "INSERT INTO subscriptions (id, account_id, product, mrr, start_date, end_date) VALUES ('sub-birch-late', 'acc-birch', 'Platform', 300, '2027-02-01', '2027-06-01')",
            "INSERT INTO subscriptions (id, account_id, product, mrr, start_date, end_date) VALUES ('sub-birch-bridge', 'acc-birch', 'Analytics', 50, '2026-10-15', '2027-03-01')",
            "UPDATE subscriptions SET end_date = start_date WHERE id = 'sub-birch-bridge'",
            "UPDATE subscriptions SET end_date = '2027-04-01' WHERE id = 'sub-birch-bridge'",
            "DELETE FROM subscriptions WHERE id = 'sub-birch-bridge'",
            "INSERT INTO subscriptions (id, account_id, product, mrr, start_date, end_date) VALUES ('sub-apex-old', 'acc-apex', 'Platform', 70, '2019-01-01', '2019-02-01')",
            // A credit (negative MRR) and a free row: an account's MRR may fall below zero or stay at it while active.
            "INSERT INTO subscriptions (id, account_id, product, mrr, start_date, end_date) VALUES ('sub-cobalt-credit', 'acc-cobalt', 'Platform', -400, '2026-06-01', '2026-08-15')",
            "INSERT INTO subscriptions (id, account_id, product, mrr, start_date) VALUES ('sub-delta-free', 'acc-delta', 'Analytics', 0, '2026-03-01')",
            """
            INSERT INTO subscriptions (id, account_id, product, mrr, start_date, end_date) VALUES
              ('sub-ember-old', 'acc-ember', 'Platform', 20, '2019-03-01', '2019-04-01'),
              ('sub-ember-2', 'acc-ember', 'Platform', 90, '2026-10-01', '2026-11-20')
            """,
            "UPDATE subscriptions SET mrr = mrr + 5, start_date = start_date - 10 WHERE account_id IN ('acc-apex', 'acc-ember')",
            """
            INSERT INTO subscriptions (id, account_id, product, mrr, start_date, end_date)
            SELECT id || '-copy', account_id, product, mrr + 1, start_date - 30, end_date FROM subscriptions
            """,
            "UPDATE accounts SET region = 'LATAM' WHERE id = 'acc-apex'",
            "UPDATE accounts SET segment = 'SMB', region = NULL WHERE id = 'acc-ember'",
            "UPDATE accounts SET owner_id = (SELECT id FROM users WHERE email = 'bob@acme.test') WHERE id = 'acc-cobalt'",
            "UPDATE users SET region = 'APAC' WHERE email = 'bob@acme.test'",
            "UPDATE users SET region = NULL WHERE email = 'carol@acme.test'",
            "DELETE FROM users WHERE email = 'bob@acme.test'",
            """
            INSERT INTO accounts (id, name, region, segment) VALUES ('acc-gone', 'Gone', 'EMEA', 'SMB');
            INSERT INTO subscriptions (id, account_id, product, mrr, start_date) VALUES ('sub-gone', 'acc-gone', 'Platform', 700, '2025-01-01');
            """,
            "DELETE FROM accounts WHERE id = 'acc-gone'",
            "DELETE FROM subscriptions WHERE id LIKE '%-copy' AND mrr > 1000",
            "TRUNCATE subscriptions",
        ];
        foreach (var write in writes)
        {
            await ExecuteAsync(conn, write);
            await AssertMatchesAsync(conn, "after " + write);
        }
    }

    [Fact]
    public async Task New_windows_are_filled_in_once()
    {
        await using var database = await TestDatabase.CreateAsync(DbProvider.Postgres);
        await using var db = database.NewContext();
        await RevenueDataset.SeedAsync(db);
        (DateOnly, DateOnly)[] windows = [(new(2026, 7, 14), new(2026, 10, 13)), (new(2026, 1, 1), new(2026, 12, 31))];

        Assert.Equal(2, await Rollups.KeepCohortWindowsAsync(db, windows, Ct));
        Assert.Equal(0, await Rollups.KeepCohortWindowsAsync(db, windows, Ct));
        await using var conn = await OpenAsync(database);
        Assert.True(await ScalarAsync<long>(conn, "SELECT count(*) FROM cohort_window_stats WHERE d0 = '2026-07-14'") > 0);
        await AssertMatchesAsync(conn, "after adding windows");
    }

    [Fact]
    public void Windows_cover_months_and_fiscal_quarters_and_years()
    {
        var windows = Rollups.CohortWindows(fiscalYearStartMonth: 2, today: new DateOnly(2026, 11, 27)).ToHashSet();

        Assert.Contains((new DateOnly(2026, 9, 30), new DateOnly(2026, 10, 31)), windows);  // October 2026
        Assert.Contains((new DateOnly(2026, 10, 31), new DateOnly(2027, 1, 31)), windows);  // fiscal quarter Nov–Jan
        Assert.Contains((new DateOnly(2026, 1, 31), new DateOnly(2027, 1, 31)), windows);   // FY2027 (Feb 2026 – Jan 2027)
        Assert.Contains((new DateOnly(2023, 10, 31), new DateOnly(2023, 11, 30)), windows); // three years back
        Assert.Contains((new DateOnly(2027, 10, 31), new DateOnly(2027, 11, 30)), windows); // a year ahead
        Assert.DoesNotContain((new DateOnly(2025, 12, 31), new DateOnly(2026, 3, 31)), windows); // calendar Q1 is no fiscal quarter here
        Assert.DoesNotContain((new DateOnly(2025, 12, 31), new DateOnly(2026, 12, 31)), windows); // nor calendar 2026 a fiscal year
        Assert.DoesNotContain((new DateOnly(2027, 11, 30), new DateOnly(2027, 12, 31)), windows);
    }

    [Fact]
    public async Task A_demo_load_with_its_triggers_off_rebuilds_the_rollup()
    {
        await using var database = await DemoCompanyFixture.SeedAsync(DbProvider.Postgres, 0.02);
        await using var conn = await OpenAsync(database);
        Assert.True(await ScalarAsync<long>(conn, "SELECT count(*) FROM cohort_window_stats") > 100);
        await AssertMatchesAsync(conn, "after the demo load");
    }

    [Fact]
    public async Task Two_transactions_writing_one_accounts_subscriptions_take_turns()
    {
        await using var database = await RollupDatabase.SeededAsync();
        await using var first = await OpenAsync(database);
        await using var second = await OpenAsync(database);

        await using (var tx = await first.BeginTransactionAsync(Ct))
        {
            // Apex had nothing on 2026-06-30 but sub-apex-1; each new row alone changes its min(a0, a1) differently.
            await ExecuteAsync(first, "UPDATE subscriptions SET end_date = '2026-08-01' WHERE id = 'sub-apex-1'");
            var other = ExecuteAsync(second, "INSERT INTO subscriptions (id, account_id, product, mrr, start_date) VALUES ('sub-apex-9', 'acc-apex', 'Platform', 3000, '2026-09-01')");
            await LockWaitAsync(database, second, other);
            Assert.False(other.IsCompleted, "the second write should wait for the first transaction");
            await tx.CommitAsync(Ct);
            await other;
        }

        await AssertMatchesAsync(first, "after two racing writes to one account");
    }

    [Fact]
    public async Task The_engine_reads_the_rollups_only_where_they_give_the_subscriptions_answer()
    {
        await using var database = await RollupDatabase.SeededAsync();
        var q4 = RevenueDataset.Q4_2026;
        var before = await MetricAsync(database, "nrr", q4);
        var byProduct = await MetricAsync(database, "nrr", q4, (Dimension.Product, "Platform"));
        var unregistered = new RevBot.Core.Periods.Period(new DateOnly(2026, 10, 15), new DateOnly(2026, 12, 15), "mid", RevBot.Core.Periods.PeriodGrain.Custom);
        var odd = await MetricAsync(database, "nrr", unregistered);

        var arr = await MetricAsync(database, "arr", q4);
        var arrByProduct = await MetricAsync(database, "arr", q4, (Dimension.Product, "Platform"));
        var arrInSoftware = await MetricAsync(database, "arr", q4, (Dimension.Industry, "Software"));

        // Tampering with the rollups (no trigger guards them) shows which answers come from them.
        await using (var conn = await OpenAsync(database))
        {
            await ExecuteAsync(conn, $"UPDATE cohort_window_stats SET m1 = m1 * 3 WHERE d0 = '{q4.Start.AddDays(-1):yyyy-MM-dd}'");
            await ExecuteAsync(conn, "UPDATE subscription_mrr_days SET mrr = mrr * 3");
        }

        Assert.NotEqual(arr, await MetricAsync(database, "arr", q4));
        Assert.NotEqual(arrByProduct, await MetricAsync(database, "arr", q4, (Dimension.Product, "Platform")));
        Assert.Equal(arrInSoftware, await MetricAsync(database, "arr", q4, (Dimension.Industry, "Software")));

        Assert.NotNull(before);
        Assert.NotEqual(before, await MetricAsync(database, "nrr", q4));
        Assert.Equal(byProduct, await MetricAsync(database, "nrr", q4, (Dimension.Product, "Platform")));
        // A window nobody registered reads the subscriptions (the rollup has no rows for it: it would find no cohort).
        Assert.NotNull(odd);
        Assert.Equal(odd, await MetricAsync(database, "nrr", unregistered));
    }

    private static async Task AssertMatchesAsync(NpgsqlConnection conn, string when)
    {
        await RollupDatabase.AssertMatchesAsync(conn, "cohort_window_stats", "d0, d1, region, segment, accounts, m0, m1, kept, churned", when);
        // What the demo load's rebuild and a new window's fill compute instead of the definition (CohortWindowsSwept).
        var swept = await ScalarAsync<long>(conn, """
            WITH s AS (SELECT * FROM cohort_window_stats_swept(ARRAY(SELECT d0 FROM cohort_windows ORDER BY d0, d1),
                                                               ARRAY(SELECT d1 FROM cohort_windows ORDER BY d0, d1)))
            SELECT count(*) FROM ((SELECT * FROM s EXCEPT ALL SELECT * FROM cohort_window_stats_source)
                                  UNION ALL (SELECT * FROM cohort_window_stats_source EXCEPT ALL SELECT * FROM s)) x
            """);
        Assert.True(swept == 0, $"{swept} rows of cohort_window_stats_swept differ from the definition {when}.");
        await RollupDatabase.AssertMatchesAsync(conn, "subscription_mrr_days", "day, region, segment, product, subscriptions, mrr", when);
        await RollupDatabase.AssertMatchesAsync(conn, "customer_days", "day, region, segment, accounts", when);
    }

    private static Task<decimal?> MetricAsync(TestDatabase database, string metric, RevBot.Core.Periods.Period period, params (Dimension, string)[] filters) =>
        RollupDatabase.MetricAsync(database, metric, period, RevenueDataset.TimeZone, filters);
}
