using RevBot.Core.Conversation;
using RevBot.Core.Metrics;
using RevBot.Core.Metrics.Forecast;
using RevBot.Core.Periods;
using RevBot.Core.Replies;

namespace RevBot.Testing;

/// <summary>Answers with a headline as the composers write them (a good move, a bad one, a breakdown's total), for the conformance checks.</summary>
public static class HeadlineReplySamples
{
    private static readonly Period Q4 = new(new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31), "Q4 2026", PeriodGrain.Quarter);
    private static readonly Period Q3 = new(new DateOnly(2026, 7, 1), new DateOnly(2026, 9, 30), "Q3 2026", PeriodGrain.Quarter);

    public static IReadOnlyList<(string Name, Reply Reply, string Language)> All() =>
    [
        ("headline with a breakdown", BookingsByRegion("en"), "en"),
        ("headline with a breakdown in Spanish", BookingsByRegion("es"), "es"),
        ("headline churn going up", Metric("en", "logo_churn_rate", 0.041m, 0.031m, []), "en"),
        ("forecast by region with deals and risks per group", ForecastByRegion("en"), "en"),
        ("forecast by region with deals and risks per group in Spanish", ForecastByRegion("es"), "es"),
    ];

    /// <summary>"Forecast by region": six groups, each with five deals driving it (long names) and three risks; the text and card name the first five.</summary>
    public static Reply ForecastByRegion(string language)
    {
        static ForecastPrediction Prediction(decimal expected, string region) => new(expected, expected * 0.9m, expected * 1.1m, expected / 2, expected / 3, expected / 6, expected * 0.8m)
        {
            FromHistory = true, Examples = 2_474, Wins = 700, Periods = 4, HasStageHistory = true, SlipRate = 0.154,
            TopDeals = [.. Enumerable.Range(1, 5).Select(i => new ForecastDeal($"deal-{region}-{i}", $"Hauck <Group> & Sons {region} - {new string('x', 40)} renewal", 250_000m * i, 0.8 - (i / 10.0), i % 3))],
            Risks = [new ForecastRisk(ForecastRiskKind.Overdue, 96, 4_980_000m), new ForecastRisk(ForecastRiskKind.PushedTwice, 31, 2_210_000m), new ForecastRisk(ForecastRiskKind.LongInStage, 12, 880_000m)],
        };
        var regions = new[] { "North America", "EMEA", "APAC", "LATAM", "Other <&>", "Middle East" };
        var rows = regions.Select((r, i) => new BreakdownRow(r, r, new MetricValue(10_000_000m - (i * 1_000_000m)) { Forecast = Prediction(10_000_000m - (i * 1_000_000m), r) })).ToList();
        return MetricAnswerComposer.Compose(new ParsedQuestion { Language = language, Metric = MetricIds.Forecast },
            new MetricResult(new MetricQuery(MetricIds.Forecast, Q4, MetricQuery.NoFilters) { GroupBy = Dimension.Region }, new MetricValue(38_300_000m) { Forecast = Prediction(38_300_000m, "all") }, rows),
            null, "USD").Reply;
    }

    private static Reply BookingsByRegion(string language) => Metric(language, "bookings", 22_500_000m, 16_100_000m,
        [new("North America", "North America", new MetricValue(8_400_000m)), new("EMEA", "EMEA", new MetricValue(7_900_000m)), new("APAC", "APAC", new MetricValue(4_000_000m)),
         new("LATAM", "LATAM", new MetricValue(2_100_000m)), new("Other", "Other <&>", new MetricValue(100_000m)), new("Unknown", "Unknown", new MetricValue(null))]);

    private static Reply Metric(string language, string metric, decimal now, decimal before, IReadOnlyList<BreakdownRow> rows) =>
        MetricAnswerComposer.Compose(new ParsedQuestion { Language = language, Metric = metric },
            new MetricResult(new MetricQuery(metric, Q4, MetricQuery.NoFilters) { GroupBy = rows.Count == 0 ? null : Dimension.Region }, new MetricValue(now), rows),
            new MetricResult(new MetricQuery(metric, Q3, MetricQuery.NoFilters), new MetricValue(before), []), "USD").Reply;
}
