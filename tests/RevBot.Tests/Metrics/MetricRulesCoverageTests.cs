using RevBot.Core.Metrics;

namespace RevBot.Tests.Metrics;

/// <summary>
/// The per-metric rules kept beside the catalog (which dimensions apply, which data is needed, whether a deal amount
/// narrows it) cover every metric: a metric added to the catalog and forgotten in one of them fails here, instead of
/// being told "no subscriptions loaded" or refusing an amount it can take ("lost amount" once did both).
/// </summary>
public sealed class MetricRulesCoverageTests
{
    public static TheoryData<string> Metrics() => [.. MetricCatalog.All.Select(m => m.Id)];

    [Theory]
    [MemberData(nameof(Metrics))]
    public void Every_metric_says_what_data_it_needs_and_which_dimensions_apply(string metric)
    {
        Assert.NotEmpty(MetricSources.For(metric));
        _ = MetricSupport.Supports(metric, Dimension.Owner, breakdown: false);
    }

    [Theory]
    [InlineData("deals_lost")]
    [InlineData("lost_amount")]
    [InlineData("bookings")]
    public void Deal_by_deal_metrics_need_deals_and_take_an_amount(string metric)
    {
        Assert.Equal([[MetricSource.Deals]], MetricSources.For(metric));
        Assert.True(MetricSupport.TakesAmount(metric));
    }
}
