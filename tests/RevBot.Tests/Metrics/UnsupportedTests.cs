using RevBot.Core.Metrics;
using RevBot.Data.Storage;
using static RevBot.Tests.Metrics.RevenueDataset;

namespace RevBot.Tests.Metrics;

/// <summary>Dimensions that cannot apply to a metric fail before any query, with a sentence and the facts to say it in Spanish.</summary>
[Collection(MetricsCollection.Name)]
public sealed class UnsupportedTests(MetricsDatabase data)
{
    [Theory]
    [InlineData("arr", Dimension.Stage)]
    [InlineData("nrr", Dimension.Source)]
    [InlineData("win_rate", Dimension.Stage)]
    [InlineData("quota_attainment", Dimension.Segment)]
    [InlineData("forecast_accuracy", Dimension.Owner)]
    [InlineData("expansion_rate", Dimension.Product)]
    [InlineData("cac", Dimension.Region)]
    public async Task Breakdowns_that_do_not_apply_are_refused(string metric, Dimension dimension)
    {
        var error = await Assert.ThrowsAsync<MetricNotSupportedException>(() => data.EvaluateAsync(DbProvider.Sqlite, metric, Q4_2026, dimension));
        Assert.Equal((metric, (Dimension?)dimension, true), (error.Metric, error.Dimension, error.IsBreakdown));
        Assert.StartsWith($"I can't break {MetricCatalog.Get(metric).Name("en")} down by {dimension.ToString().ToLowerInvariant()}:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filters_that_do_not_apply_are_refused()
    {
        var error = await Assert.ThrowsAsync<MetricNotSupportedException>(() => data.TotalAsync(DbProvider.Sqlite, "cac", Q4_2026, (Dimension.Segment, "SMB")));
        Assert.False(error.IsBreakdown);
        Assert.Equal("I can't filter customer acquisition cost by segment: marketing and sales spend is not split that way.", error.Message);
        Assert.Equal(error.Message, error.Text("en"));
        Assert.Equal("No puedo filtrar coste de adquisición de clientes por segmento: el gasto de marketing y ventas no se reparte así.", error.Text("es"));
    }

    [Fact]
    public async Task Unknown_metrics_and_deal_types_are_argument_errors()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => data.TotalAsync(DbProvider.Sqlite, "happiness", Q4_2026));
        await Assert.ThrowsAsync<ArgumentException>(() => data.TotalAsync(DbProvider.Sqlite, "bookings", Q4_2026, (Dimension.Type, "upsell")));
    }
}
