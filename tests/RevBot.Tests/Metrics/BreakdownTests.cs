using RevBot.Core.Metrics;
using RevBot.Data.Storage;
using static RevBot.Tests.Metrics.RevenueDataset;

namespace RevBot.Tests.Metrics;

/// <summary>Every dimension broken down at least once, Q4 2026 unless stated. Rows are sorted by value, largest first.</summary>
[Collection(MetricsCollection.Name)]
public sealed class BreakdownTests(MetricsDatabase data)
{
    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Quota_attainment_by_owner_labels_rows_with_names_and_keeps_the_company_total(DbProvider provider)
    {
        var result = await data.EvaluateAsync(provider, "quota_attainment", Q4_2026, Dimension.Owner);
        // Carol w3 + w5 = 35,000 of 60,000; Alice w1 40,000 of 80,000; Bob w2 + w4 30,000 of 60,000 (ties by name).
        Expect.Rows(result, (Carol, "Carol Cruz", 35_000m / 60_000m), (Alice, "Alice Adams", 0.5m), (Bob, "Bob Brown", 0.5m));
        Expect.Value(105_000m / 200_000m, result.Total);
        Assert.Equal(60_000m, result.Breakdown[0].Value.Denominator);
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Quota_attainment_by_team_sums_its_owners(DbProvider provider)
    {
        var result = await data.EvaluateAsync(provider, "quota_attainment", Q4_2026, Dimension.Team);
        Expect.Rows(result, ("West", "West", 35_000m / 60_000m), ("East", "East", (40_000m + 30_000m) / (80_000m + 60_000m)));
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Bookings_by_region_falls_back_to_the_owner_region(DbProvider provider)
    {
        var result = await data.EvaluateAsync(provider, "bookings", Q4_2026, Dimension.Region);
        // NA: w1 Apex 40,000 + w3 Ember 30,000 + w5 Cobalt (no region → Carol, NA) 5,000.
        // EMEA: w2 Birch 20,000 + w4 (no account → Bob, EMEA) 10,000.
        Expect.Rows(result, ("NA", "NA", 75_000m), ("EMEA", "EMEA", 30_000m));
        Assert.Equal(3m, result.Breakdown[0].Value.Numerator);
        Expect.Value(105_000m, result.Total);
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Bookings_by_account_has_a_none_row_for_deals_without_account(DbProvider provider)
    {
        var result = await data.EvaluateAsync(provider, "bookings", Q4_2026, Dimension.Account);
        Expect.Rows(result, ("acc-apex", "Apex", 40_000m), ("acc-ember", "Ember", 30_000m), ("acc-birch", "Birch", 20_000m),
            ("", "(none)", 10_000m), ("acc-cobalt", "Cobalt", 5_000m));
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Win_rate_by_type(DbProvider provider)
    {
        var result = await data.EvaluateAsync(provider, "win_rate", Q4_2026, Dimension.Type);
        // Expansion: w1, w5 won. New: w3, w4 won; l1, l3 lost. Renewal: w2 won, l2 lost.
        Expect.Rows(result, ("expansion", "expansion", 2m / 2m), ("new", "new", 2m / 4m), ("renewal", "renewal", 1m / 2m));
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Weighted_pipeline_by_stage(DbProvider provider)
    {
        var result = await data.EvaluateAsync(provider, "weighted_pipeline", Q4_2026, Dimension.Stage);
        Expect.Rows(result, ("Proposal", "Proposal", 60_000m * 0.55m), ("Negotiation", "Negotiation", 30_000m * 0.90m),
            ("Discovery", "Discovery", 10_000m * 0.35m), ("Legacy Stage", "Legacy Stage", 0m));
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Pipeline_by_source(DbProvider provider)
    {
        var result = await data.EvaluateAsync(provider, "pipeline", Q4_2026, Dimension.Source);
        Expect.Rows(result, ("Inbound", "Inbound", 60_000m + 10_000m), ("Outbound", "Outbound", 30_000m + 4_000m));
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Pipeline_created_by_product(DbProvider provider)
    {
        var result = await data.EvaluateAsync(provider, "pipeline_created", Q4_2026, Dimension.Product);
        // Platform: w2 20,000 + w5 5,000 + l3 10,000 + w7 8,000 + o1 60,000 + o5 4,000; Analytics: o3 20,000.
        Expect.Rows(result, ("Platform", "Platform", 107_000m), ("Analytics", "Analytics", 20_000m));
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Deals_won_by_team(DbProvider provider)
    {
        var result = await data.EvaluateAsync(provider, "deals_won", Q4_2026, Dimension.Team);
        Expect.Rows(result, ("East", "East", 3m), ("West", "West", 2m));
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Arr_by_segment_and_by_subscription_product(DbProvider provider)
    {
        var bySegment = await data.EvaluateAsync(provider, "arr", Q4_2026, Dimension.Segment);
        // Enterprise: Apex (1,000 + 500) + Ember 1,500; Mid-Market: Cobalt 800; SMB: Delta 600 (Birch ended).
        Expect.Rows(bySegment, ("Enterprise", "Enterprise", 12m * 3_000m), ("Mid-Market", "Mid-Market", 12m * 800m), ("SMB", "SMB", 12m * 600m));

        var byProduct = await data.EvaluateAsync(provider, "arr", Q4_2026, Dimension.Product);
        Expect.Rows(byProduct, ("Platform", "Platform", 12m * (1_000m + 800m + 600m)), ("Analytics", "Analytics", 12m * (500m + 1_500m)));
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Customers_by_product_count_an_account_in_each_product_but_once_in_the_total(DbProvider provider)
    {
        var result = await data.EvaluateAsync(provider, "customers", Q4_2026, Dimension.Product);
        Expect.Rows(result, ("Platform", "Platform", 3m), ("Analytics", "Analytics", 2m));
        Expect.Value(4m, result.Total);
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Arr_by_region_falls_back_to_the_account_owner_region(DbProvider provider)
    {
        var result = await data.EvaluateAsync(provider, "arr", Q4_2026, Dimension.Region);
        // NA: Apex 1,500 + Ember 1,500 + Cobalt (no region → Carol, NA) 800; APAC: Delta 600.
        Expect.Rows(result, ("NA", "NA", 12m * 3_800m), ("APAC", "APAC", 12m * 600m));
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Nrr_by_industry(DbProvider provider)
    {
        var result = await data.EvaluateAsync(provider, "nrr", Q4_2026, Dimension.Industry);
        // Software: Apex 12,000 → 18,000 and Cobalt 14,400 → 9,600. Retail: Birch 24,000 → 0 and Delta 7,200 → 7,200.
        Expect.Rows(result, ("Software", "Software", 27_600m / 26_400m), ("Retail", "Retail", 7_200m / 31_200m));
        Expect.Value(34_800m / 57_600m, result.Total);
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Logo_churn_by_account_owner(DbProvider provider)
    {
        var result = await data.EvaluateAsync(provider, "logo_churn_rate", Q4_2026, Dimension.Owner);
        // Alice owns Apex and Delta, Bob owns Birch (churned), Carol owns Cobalt.
        Expect.Rows(result, (Bob, "Bob Brown", 1m), (Alice, "Alice Adams", 0m), (Carol, "Carol Cruz", 0m));
        Expect.Value(1m / 4m, 1, 4, result.Total);
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Expansion_rate_by_segment(DbProvider provider)
    {
        var result = await data.EvaluateAsync(provider, "expansion_rate", Q4_2026, Dimension.Segment);
        // Customers on 30 Sep: Enterprise Apex; Mid-Market Cobalt; SMB Birch, Delta. Expanded: Apex, Cobalt.
        Expect.Rows(result, ("Enterprise", "Enterprise", 1m), ("Mid-Market", "Mid-Market", 1m), ("SMB", "SMB", 0m));
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task New_customers_by_owner_of_the_first_win(DbProvider provider)
    {
        var result = await data.EvaluateAsync(provider, "new_customers", Q4_2026, Dimension.Owner);
        Expect.Rows(result, (Carol, "Carol Cruz", 1m));
    }
}
