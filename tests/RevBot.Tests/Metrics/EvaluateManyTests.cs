using RevBot.Core.Metrics;
using RevBot.Data.Storage;
using static RevBot.Tests.Metrics.RevenueDataset;

namespace RevBot.Tests.Metrics;

/// <summary>Metrics evaluated together (sharing their statements) give what each gives alone.</summary>
[Collection(MetricsCollection.Name)]
public sealed class EvaluateManyTests(MetricsDatabase data)
{
    [Theory]
    [InlineData(DbProvider.Sqlite, null)]
    [InlineData(DbProvider.Sqlite, Dimension.Region)]
    [InlineData(DbProvider.Postgres, Dimension.Segment)]
    public async Task Together_each_metric_is_what_it_is_alone(DbProvider provider, Dimension? groupBy)
    {
        string[] metrics = ["win_rate", "deals_won", "deals_lost", "bookings", "avg_deal_size", "logo_churn_rate", "nrr", "grr", "revenue_churn_rate"];
        var filters = new Dictionary<Dimension, string> { [Dimension.Industry] = "Software" };

        var together = await data.UseAsync(provider, e => e.EvaluateManyAsync(metrics, Q4_2026, filters, groupBy, TestContext.Current.CancellationToken));

        Assert.Equal(metrics, together.Select(r => r.Query.Metric));
        foreach (var result in together)
        {
            var alone = await data.UseAsync(provider, e => e.EvaluateAsync(new MetricQuery(result.Query.Metric, Q4_2026, filters, groupBy), TestContext.Current.CancellationToken));
            Assert.Equal(alone.Total, result.Total);
            Assert.Equal(alone.Breakdown, result.Breakdown);
        }
    }

    [Fact]
    public async Task One_unsupported_filter_refuses_the_whole_call_before_any_query()
    {
        var filters = new Dictionary<Dimension, string> { [Dimension.Stage] = "Proposal" };

        var ex = await Assert.ThrowsAsync<MetricNotSupportedException>(() =>
            data.UseAsync(DbProvider.Sqlite, e => e.EvaluateManyAsync(["pipeline", "bookings"], Q4_2026, filters, null, TestContext.Current.CancellationToken)));

        Assert.Equal("bookings", ex.Metric);
    }
}
