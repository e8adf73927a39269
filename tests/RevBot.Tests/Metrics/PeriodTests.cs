using RevBot.Core.Metrics;
using RevBot.Core.Periods;
using RevBot.Data.Storage;
using static RevBot.Tests.Metrics.RevenueDataset;

namespace RevBot.Tests.Metrics;

/// <summary>Company-local periods over UTC timestamps, the as-of day, unbounded periods and trends.</summary>
[Collection(MetricsCollection.Name)]
public sealed class PeriodTests(MetricsDatabase data)
{
    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Deals_count_on_their_company_local_day(DbProvider provider)
    {
        // w5 closed 2027-01-01 04:30 UTC = 2026-12-31 23:30 in New York (EST).
        Expect.Value(1m, await data.TotalAsync(provider, "deals_won", Period.Day(new DateOnly(2026, 12, 31), "31 Dec")));
        // w7 closed 2027-01-01 05:30 UTC = 00:30 on 1 Jan.
        Expect.Value(1m, await data.TotalAsync(provider, "deals_won", Period.Day(new DateOnly(2027, 1, 1), "1 Jan")));
        // w6 closed 2026-10-01 03:30 UTC = 2026-09-30 23:30 in New York (EDT): Q3, not Q4.
        Expect.Value(1m, await data.TotalAsync(provider, "deals_won", Period.Day(new DateOnly(2026, 9, 30), "30 Sep")));
        Expect.Value(7_000m, await data.TotalAsync(provider, "bookings", Q3_2026));
        Expect.Value(8_000m, await data.TotalAsync(provider, "bookings", Q1_2027));
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Point_in_time_metrics_stop_at_the_as_of_day(DbProvider provider)
    {
        // Q1 2027 ends after 10 Jan: ARR is read on 10 Jan, when Delta has ended (Apex 1,500 + Cobalt 800 + Ember 1,500).
        Expect.Value(12m * 3_800m, await data.TotalAsync(provider, "arr", Q1_2027));
        // Bookings so far (w7 8,000) + o3 20,000 × Prospecting 10%.
        Expect.Value(8_000m + 2_000m, 2, null, await data.TotalAsync(provider, "weighted_forecast", Q1_2027));
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Forecast_accuracy_picks_the_snapshot_for_the_period(DbProvider provider)
    {
        // No Q1 2027 snapshot before 1 Jan: the first inside (10,000 on 5 Jan) against bookings 8,000.
        Expect.Value(1m - 2_000m / 8_000m, 10_000, 8_000, await data.TotalAsync(provider, "forecast_accuracy", Q1_2027));
        // Q4 cut at 15 Dec matches snapshots by start day: 100,000 against w1 + w2 + w3 + w4 = 100,000.
        var toDate = Q4_2026 with { End = new DateOnly(2026, 12, 15), ToDate = true };
        Expect.Value(1m, await data.TotalAsync(provider, "forecast_accuracy", toDate));
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task A_month_takes_its_share_of_a_quarterly_quota(DbProvider provider)
    {
        var november = new Period(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), "November 2026", PeriodGrain.Month);
        // w3 30,000 against 200,000 × 30 / 92 days.
        Expect.Value(30_000m / (200_000m * 30m / 92m), await data.TotalAsync(provider, "quota_attainment", november));
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task All_time_covers_every_open_or_won_deal(DbProvider provider)
    {
        // o1..o6, including o3 (closes in 2027) and o6 (no close date).
        Expect.Value(60_000m + 30_000m + 20_000m + 10_000m + 4_000m + 8_000m, 6, null, await data.TotalAsync(provider, "pipeline", Period.AllTime));
        // h1 12,000 + h2 9,000 + q2a 14,000.50 + q2c 3,500 + w6 7,000 + Q4 105,000 + w7 8,000.
        Expect.Value(158_500.50m, 11, null, await data.TotalAsync(provider, "bookings", Period.AllTime));
        var error = await Assert.ThrowsAsync<MetricNotSupportedException>(() => data.TotalAsync(provider, "nrr", Period.AllTime));
        Assert.Null(error.Dimension);
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Trend_evaluates_each_period_in_order(DbProvider provider)
    {
        var results = await data.UseAsync(provider, e => e.TrendAsync("bookings", [Q2_2026, Q3_2026, Q4_2026], MetricQuery.NoFilters, TestContext.Current.CancellationToken));
        Assert.Equal([Q2_2026, Q3_2026, Q4_2026], results.Select(r => r.Query.Period));
        // Q2: q2a 14,000.50 + q2c 3,500.
        Expect.Value(17_500.50m, results[0].Total);
        Expect.Value(7_000m, results[1].Total);
        Expect.Value(105_000m, results[2].Total);
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Ratios_without_a_denominator_are_undefined_and_keep_their_counts(DbProvider provider)
    {
        // Nothing closed in Q1 2026.
        var winRate = await data.TotalAsync(provider, "win_rate", Q1_2026);
        Assert.Equal(new MetricValue(null, 0m, 0m), winRate);
        Assert.Null((await data.TotalAsync(provider, "avg_deal_size", Q1_2026)).Value);
        Assert.Null((await data.TotalAsync(provider, "avg_sales_cycle_days", Q1_2026)).Value);
        Assert.Null((await data.TotalAsync(provider, "pipeline_velocity", Q1_2026)).Value);
        Assert.Null((await data.TotalAsync(provider, "quota_attainment", Q1_2026)).Value);
        Assert.Null((await data.TotalAsync(provider, "forecast_accuracy", Q2_2026)).Value);
        // No account was active on 2023-12-31.
        var early = RevenueDataset.Quarter(2024, 1);
        Assert.Equal(new MetricValue(null, 0m, 0m), await data.TotalAsync(provider, "nrr", early));
        Assert.Null((await data.TotalAsync(provider, "logo_churn_rate", early)).Value);
        Assert.Null((await data.TotalAsync(provider, "ltv", RevenueDataset.Quarter(2025, 4))).Value);
        // September's 9,999 of spend, and no new customer in Q3.
        Assert.Equal(new MetricValue(null, 9_999m, 0m), await data.TotalAsync(provider, "cac", Q3_2026));
    }
}
