using RevBot.Core.Metrics;

namespace RevBot.Core.Conversation;

internal static class UnitText
{
    public static string Key(MetricUnit unit) => unit switch
    {
        MetricUnit.Ratio => "ratio",
        MetricUnit.Currency => "currency",
        MetricUnit.Count => "count",
        MetricUnit.Days => "days",
        MetricUnit.Multiple => "multiple",
        _ => "currency_per_day",
    };
}
