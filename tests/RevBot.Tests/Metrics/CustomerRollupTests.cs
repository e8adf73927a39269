using RevBot.Core.Metrics;
using RevBot.Core.Periods;
using RevBot.Data.Storage;
using RevBot.Testing;

using static RevBot.Tests.Metrics.RollupDatabase;

namespace RevBot.Tests.Metrics;

/// <summary>
/// Customer counts from PostgreSQL's <c>customer_days</c>, and retention over a period still under way from the cohort
/// windows registered for the day (<see cref="Rollups.OpenWindows"/>): the same answers as the subscriptions give on
/// SQLite, read from the rollups only where they give them (tampering shows which answers come from them).
/// </summary>
public sealed class CustomerRollupTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly Period ThisQuarter = RevenueDataset.Q1_2027; // under way on the as-of day, 2027-01-10

    private static readonly (string Metric, Period Period, (Dimension, string)[] Filters)[] Questions =
    [
        ("customers", ThisQuarter, []),
        ("customers", RevenueDataset.Q4_2026, []),
        ("customers", ThisQuarter, [(Dimension.Region, "NA")]),
        ("customers", RevenueDataset.Q4_2026, [(Dimension.Segment, "SMB")]),
        ("customers", ThisQuarter, [(Dimension.Product, "Platform")]),
        ("nrr", ThisQuarter, []),
        ("grr", ThisQuarter, []),
        ("logo_churn_rate", ThisQuarter, [(Dimension.Segment, "SMB")]),
        ("ltv", ThisQuarter, []),
    ];

    [Fact]
    public async Task Customers_and_retention_so_far_answer_as_the_subscriptions_do_on_SQLite()
    {
        await using var sqlite = await TestDatabase.CreateAsync(DbProvider.Sqlite);
        await using (var db = sqlite.NewContext()) await RevenueDataset.SeedAsync(db);
        TestDatabase.RequireProvider(DbProvider.Postgres);
        await using var postgres = await RollupDatabase.SeededAsync();
        await using (var db = postgres.NewContext())
            await Rollups.KeepCohortWindowsAsync(db, Rollups.OpenWindows(1, RevenueDataset.AsOf), Ct);

        foreach (var (metric, period, filters) in Questions)
        {
            var expected = await MetricAsync(sqlite, metric, period, filters);
            Assert.NotNull(expected);
            Assert.Equal(expected, await MetricAsync(postgres, metric, period, filters));
        }
    }

    [Fact]
    public async Task The_engine_reads_them_only_where_they_give_the_subscriptions_answer()
    {
        await using var database = await RollupDatabase.SeededAsync();
        var before = new List<decimal?>();
        foreach (var (metric, period, filters) in Questions) before.Add(await MetricAsync(database, metric, period, filters));
        await using (var db = database.NewContext())
            await Rollups.KeepCohortWindowsAsync(db, Rollups.OpenWindows(1, RevenueDataset.AsOf), Ct);
        await using (var conn = await OpenAsync(database))
        {
            await ExecuteAsync(conn, "UPDATE customer_days SET accounts = accounts * 3");
            await ExecuteAsync(conn, $"UPDATE cohort_window_stats SET m1 = m1 * 3, kept = kept / 2, churned = 0 WHERE d1 = '{RevenueDataset.AsOf:yyyy-MM-dd}'");
        }

        var fromRollups = new[] { true, true, true, true, false, true, true, true, true };
        foreach (var ((metric, period, filters), i) in Questions.Select((q, i) => (q, i)))
        {
            var now = await MetricAsync(database, metric, period, filters);
            var question = $"{metric} {period.Label} {string.Join(", ", filters)}";
            if (fromRollups[i]) Assert.True(before[i] != now, $"{question} should read the rollups ({now})");
            else Assert.True(before[i] == now, $"{question} should read the subscriptions ({before[i]} then {now})");
        }
    }

    [Fact]
    public void Open_windows_are_the_month_quarter_and_year_so_far_their_comparisons_and_the_twelve_months_to_today()
    {
        var windows = Rollups.OpenWindows(fiscalYearStartMonth: 2, today: new DateOnly(2026, 11, 27)).ToHashSet();

        HashSet<(DateOnly, DateOnly)> expected =
        [
            (new(2026, 10, 31), new(2026, 11, 27)), // November so far, and the fiscal quarter Nov–Jan
            (new(2026, 9, 30), new(2026, 10, 27)),  // the same point of October (the comparison)
            (new(2026, 7, 31), new(2026, 8, 27)),   // the same point of the quarter Aug–Oct
            (new(2026, 1, 31), new(2026, 11, 27)),  // FY2027 so far
            (new(2025, 1, 31), new(2025, 11, 27)),  // the same point of FY2026
            (new(2025, 11, 27), new(2026, 11, 27)), // the twelve months to today (LTV)
            (new(2025, 8, 27), new(2026, 8, 27)),   // the twelve months to the quarter's same point (LTV's comparison)
        ];
        Assert.Equal(expected, windows);
        Assert.Subset(Rollups.CohortWindows(2, new DateOnly(2026, 11, 27)).ToHashSet(), windows);
        // Not every twelve months from a month's start: each window costs every subscription write.
        Assert.DoesNotContain((new DateOnly(2025, 10, 31), new DateOnly(2026, 10, 31)), Rollups.CohortWindows(2, new DateOnly(2026, 11, 27)));
    }

    [Fact]
    public async Task Registering_a_new_day_drops_the_past_days_open_windows_only()
    {
        await using var database = await RollupDatabase.SeededAsync();
        await using var db = database.NewContext();
        var company = new RevBot.Core.Company.CompanyOptions { FiscalYearStartMonth = 1 };
        (DateOnly, DateOnly) custom = (new(2026, 7, 14), new(2026, 10, 13));
        await Rollups.KeepCohortWindowsAsync(db, [custom], Ct);
        await Rollups.KeepAsync(db, company, new DateOnly(2027, 1, 9), Ct);
        await Rollups.KeepAsync(db, company, RevenueDataset.AsOf, Ct);

        await using var conn = await OpenAsync(database);
        Assert.Equal(0, await ScalarAsync<long>(conn, "SELECT count(*) FROM cohort_windows WHERE d1 IN ('2027-01-09', '2026-12-09', '2026-10-09')"));
        // The same point of December and of Q4, and the twelve months to the latter (LTV's comparison).
        Assert.Equal(3, await ScalarAsync<long>(conn, "SELECT count(*) FROM cohort_windows WHERE d1 IN ('2026-12-10', '2026-10-10')"));
        // This month, quarter and year so far start on the same day; and the twelve months to today.
        Assert.Equal(2, await ScalarAsync<long>(conn, "SELECT count(*) FROM cohort_windows WHERE d1 = '2027-01-10'"));
        Assert.Equal(1, await ScalarAsync<long>(conn, "SELECT count(*) FROM cohort_windows WHERE d0 = '2026-07-14' AND d1 = '2026-10-13'"));
        Assert.Equal(0, await ScalarAsync<long>(conn, "SELECT count(*) FROM cohort_window_stats s WHERE NOT EXISTS (SELECT 1 FROM cohort_windows w WHERE w.d0 = s.d0 AND w.d1 = s.d1)"));
        // December, Q4 and 2026 are whole periods' windows, kept.
        Assert.Equal(3, await ScalarAsync<long>(conn, "SELECT count(*) FROM cohort_windows WHERE d1 = '2026-12-31'"));
    }

    private static Task<decimal?> MetricAsync(TestDatabase database, string metric, Period period, (Dimension, string)[] filters) =>
        RollupDatabase.MetricAsync(database, metric, period, RevenueDataset.TimeZone, filters);
}
