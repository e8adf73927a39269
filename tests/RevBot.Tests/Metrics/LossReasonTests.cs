using RevBot.Core.Metrics;
using RevBot.Data.Storage;
using static RevBot.Tests.Metrics.RevenueDataset;

namespace RevBot.Tests.Metrics;

/// <summary>
/// Lost deals by loss reason, grouped in SQL: Q4 2026 lost l1 25,000 (price), l2 15,000 (competitor, a renewal) and
/// l3 10,000 with no reason recorded, which forms the "(none)" row. Only the lost-deal metrics take the dimension.
/// </summary>
[Collection(MetricsCollection.Name)]
public sealed class LossReasonTests(MetricsDatabase data)
{
    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Deals_lost_by_loss_reason_counts_only_lost_deals_and_keeps_those_without_a_reason(DbProvider provider)
    {
        var result = await data.EvaluateAsync(provider, "deals_lost", Q4_2026, Dimension.LossReason);
        // Ties of one deal each sort by label: "(none)", "competitor", "price". No row for the won deals.
        Expect.Rows(result, ("", "(none)", 1m), ("competitor", "competitor", 1m), ("price", "price", 1m));
        Expect.Value(3m, result.Total);
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Lost_amount_by_loss_reason_sums_each_reason_with_its_deals_behind_it(DbProvider provider)
    {
        var result = await data.EvaluateAsync(provider, "lost_amount", Q4_2026, Dimension.LossReason);
        Expect.Rows(result, ("price", "price", 25_000m), ("competitor", "competitor", 15_000m), ("", "(none)", 10_000m));
        Assert.All(result.Breakdown, r => Assert.Equal(1m, r.Value.Numerator));
        Expect.Value(50_000m, 3, null, result.Total);
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task A_loss_reason_filter_and_a_deal_type_narrow_the_lost_deals(DbProvider provider)
    {
        Expect.Value(25_000m, await data.TotalAsync(provider, "lost_amount", Q4_2026, (Dimension.LossReason, "price")));
        Expect.Value(1m, await data.TotalAsync(provider, "deals_lost", Q4_2026, (Dimension.LossReason, "competitor")));
        var renewals = await data.EvaluateAsync(provider, "deals_lost", Q4_2026, Dimension.LossReason, (Dimension.Type, "renewal"));
        Expect.Rows(renewals, ("competitor", "competitor", 1m));
        // Q3 2026 lost q3a (no reason): one "(none)" row.
        Expect.Rows(await data.EvaluateAsync(provider, "lost_amount", Q3_2026, Dimension.LossReason), ("", "(none)", 11_000m));
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Deals_lost_and_lost_amount_together_match_each_alone(DbProvider provider)
    {
        var both = await data.UseAsync(provider, e => e.EvaluateManyAsync(["deals_lost", "lost_amount"], Q4_2026, MetricQuery.NoFilters, Dimension.LossReason, TestContext.Current.CancellationToken));
        var lost = await data.EvaluateAsync(provider, "deals_lost", Q4_2026, Dimension.LossReason);
        var amount = await data.EvaluateAsync(provider, "lost_amount", Q4_2026, Dimension.LossReason);
        Assert.Equal(lost.Breakdown, both[0].Breakdown);
        Assert.Equal(amount.Breakdown, both[1].Breakdown);
    }

    [Theory]
    [InlineData("win_rate")]
    [InlineData("bookings")]
    [InlineData("pipeline")]
    [InlineData("arr")]
    public async Task Other_metrics_refuse_the_loss_reason_and_say_why(string metric)
    {
        var error = await Assert.ThrowsAsync<MetricNotSupportedException>(() => data.EvaluateAsync(DbProvider.Sqlite, metric, Q4_2026, Dimension.LossReason));
        Assert.Equal((metric, (Dimension?)Dimension.LossReason, true), (error.Metric, error.Dimension, error.IsBreakdown));
        Assert.Equal($"I can't break {MetricCatalog.Get(metric).Name("en")} down by loss reason: only lost deals have a loss reason: ask for deals lost or lost amount by loss reason.", error.Message);
        var filter = await Assert.ThrowsAsync<MetricNotSupportedException>(() => data.TotalAsync(DbProvider.Sqlite, metric, Q4_2026, (Dimension.LossReason, "price")));
        Assert.False(filter.IsBreakdown);
    }
}
