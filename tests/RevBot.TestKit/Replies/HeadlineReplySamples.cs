using RevBot.Core.Conversation;
using RevBot.Core.Metrics;
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
    ];

    private static Reply BookingsByRegion(string language) => Metric(language, "bookings", 22_500_000m, 16_100_000m,
        [new("North America", "North America", new MetricValue(8_400_000m)), new("EMEA", "EMEA", new MetricValue(7_900_000m)), new("APAC", "APAC", new MetricValue(4_000_000m)),
         new("LATAM", "LATAM", new MetricValue(2_100_000m)), new("Other", "Other <&>", new MetricValue(100_000m)), new("Unknown", "Unknown", new MetricValue(null))]);

    private static Reply Metric(string language, string metric, decimal now, decimal before, IReadOnlyList<BreakdownRow> rows) =>
        MetricAnswerComposer.Compose(new ParsedQuestion { Language = language, Metric = metric },
            new MetricResult(new MetricQuery(metric, Q4, MetricQuery.NoFilters) { GroupBy = rows.Count == 0 ? null : Dimension.Region }, new MetricValue(now), rows),
            new MetricResult(new MetricQuery(metric, Q3, MetricQuery.NoFilters), new MetricValue(before), []), "USD").Reply;
}
