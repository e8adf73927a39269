using RevBot.Core.Metrics;
using RevBot.Data.Storage;
using static RevBot.Tests.Metrics.RevenueDataset;

namespace RevBot.Tests.Metrics;

/// <summary>Filters narrow the rows each statistic is computed from, Q4 2026 unless stated.</summary>
[Collection(MetricsCollection.Name)]
public sealed class FilterTests(MetricsDatabase data)
{
    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Deal_metrics_filter_on_every_deal_dimension(DbProvider provider)
    {
        // "My bookings" arrives as an owner filter: Alice won w1.
        Expect.Value(40_000m, 1, null, await data.TotalAsync(provider, "bookings", Q4_2026, (Dimension.Owner, Alice)));
        Expect.Value(5_000m + 30_000m, await data.TotalAsync(provider, "bookings", Q4_2026, (Dimension.Team, "West")));
        // w2 Birch (EMEA) and w4 with no account, owned by Bob (EMEA).
        Expect.Value(20_000m + 10_000m, await data.TotalAsync(provider, "bookings", Q4_2026, (Dimension.Region, "EMEA")));
        Expect.Value(60_000m, await data.TotalAsync(provider, "pipeline", Q4_2026, (Dimension.Account, "acc-apex")));
        Expect.Value(60_000m, await data.TotalAsync(provider, "pipeline", Q4_2026, (Dimension.Stage, "Proposal")));
        // Deal types may come capitalized.
        Expect.Value(1m, await data.TotalAsync(provider, "deals_won", Q4_2026, (Dimension.Type, "Renewal")));
        // Software accounts (Apex, Cobalt): w1, w5 won, l1 lost.
        Expect.Value(2m / 3m, await data.TotalAsync(provider, "win_rate", Q4_2026, (Dimension.Industry, "Software")));
        // Enterprise accounts (Apex, Ember): w1 + w3 won; l1 lost.
        Expect.Value(70_000m / 95_000m, await data.TotalAsync(provider, "win_rate_value", Q4_2026, (Dimension.Segment, "Enterprise")));
        // Created in Q4 from outbound: w2 20,000, l3 10,000, w7 8,000, o5 4,000.
        Expect.Value(42_000m, 4, null, await data.TotalAsync(provider, "pipeline_created", Q4_2026, (Dimension.Source, "Outbound")));
        Expect.Value(10_000m, await data.TotalAsync(provider, "bookings", Q4_2026, (Dimension.Owner, Bob), (Dimension.Product, "Analytics")));
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Recurring_metrics_filter_on_account_dimensions_and_subscription_product(DbProvider provider)
    {
        Expect.Value(12m * 600m, await data.TotalAsync(provider, "arr", Q4_2026, (Dimension.Segment, "SMB")));
        // Platform subscriptions on 30 Sep: Apex 1,000, Birch 2,000, Cobalt 800, Delta 600; on 31 Dec Birch is gone.
        Expect.Value((1_000m + 800m + 600m) / (1_000m + 2_000m + 800m + 600m), await data.TotalAsync(provider, "nrr", Q4_2026, (Dimension.Product, "Platform")));
        // Accounts owned by Alice: Apex, Delta.
        Expect.Value(2m, await data.TotalAsync(provider, "customers", Q4_2026, (Dimension.Owner, Alice)));
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Rep_metrics_use_the_rep_quota_and_forecast(DbProvider provider)
    {
        Expect.Value(40_000m / 80_000m, await data.TotalAsync(provider, "quota_attainment", Q4_2026, (Dimension.Owner, Alice)));
        // Bob: pipeline o2 30,000 against 60,000 − 30,000 still to book.
        Expect.Value(30_000m / 30_000m, await data.TotalAsync(provider, "pipeline_coverage", Q4_2026, (Dimension.Owner, Bob)));
        // Alice's own snapshot (50,000) against her bookings (40,000).
        Expect.Value(1m - 10_000m / 40_000m, await data.TotalAsync(provider, "forecast_accuracy", Q4_2026, (Dimension.Owner, Alice)));
    }
}
