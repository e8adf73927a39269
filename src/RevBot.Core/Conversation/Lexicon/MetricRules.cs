using RevBot.Core.Metrics;

namespace RevBot.Core.Conversation.Lexicon;

/// <summary>
/// Concepts that together name a metric: "how many deals did we win" is count + deal + win. A rule lists the tags it
/// needs ("c:" concepts, "m:" metric phrases, "t:" deal types) and, after "!", tags that rule it out. The most specific matching rule
/// wins over a bare metric phrase, so "how accurate was our forecast" (forecast + accurate) is forecast accuracy.
/// Clarify rules ("?") name words that are honestly ambiguous: bare "revenue" and bare "retention".
/// </summary>
internal static class MetricRules
{
    public static readonly (string Result, string Tags)[] Rules =
    [
        (MetricIds.DealsWon, "c:count c:win !c:customer !c:rate"),
        (MetricIds.DealsWon, "c:count c:deal c:close !c:rate !c:open !c:closing !c:customer"),
        (MetricIds.DealsWon, "c:count c:close !c:amount !c:customer !c:rate !c:open !c:closing !c:revenue"),
        (MetricIds.DealsWon, "c:deal c:win !c:rate !c:customer !c:duration !c:amount !c:average"),
        (MetricIds.DealsWon, "c:deal c:close !c:rate !c:open !c:closing !c:amount !c:count !c:customer !c:duration !c:average !c:size"),
        (MetricIds.DealsLost, "c:count c:lose !c:customer !c:rate"),
        (MetricIds.DealsLost, "c:deal c:lose !c:rate !c:customer !c:amount !c:average"),
        (MetricIds.LostAmount, "c:amount c:lose !c:rate !c:customer !c:revenue !c:count"),
        (MetricIds.LostAmount, "m:deals_lost c:amount"),

        (MetricIds.Bookings, "c:amount c:win !c:rate"),
        (MetricIds.Bookings, "c:amount c:close !c:open !c:closing !c:rate !c:lose"),
        (MetricIds.Bookings, "c:amount c:book"),
        (MetricIds.Bookings, "c:book"),
        (MetricIds.Bookings, "c:amount c:sell"),
        (MetricIds.Bookings, "c:sell"),
        (MetricIds.Bookings, "c:revenue c:close !c:rate !c:closing !c:lose"),
        (MetricIds.Bookings, "c:revenue c:win !c:rate"),
        (MetricIds.Bookings, "c:revenue c:book"),
        (MetricIds.Bookings, "c:revenue c:sell"),
        (MetricIds.Bookings, "c:close !c:deal !c:count !c:open !c:closing !c:rate !c:duration !c:customer !c:average !c:size !c:lose"),
        (MetricIds.Bookings, "c:revenue t:expansion"),
        (MetricIds.Bookings, "c:revenue t:renewal"),
        (MetricIds.Bookings, "c:revenue t:new"),
        (MetricIds.Bookings, "c:amount t:expansion"),
        (MetricIds.Bookings, "c:amount t:renewal"),
        (MetricIds.Bookings, "c:amount t:new"),

        (MetricIds.AvgDealSize, "c:average c:deal"),
        (MetricIds.AvgDealSize, "c:size c:deal"),
        (MetricIds.AvgDealSize, "c:average c:amount c:win"),
        (MetricIds.AvgSalesCycleDays, "c:duration c:close"),
        (MetricIds.AvgSalesCycleDays, "c:duration c:win"),
        (MetricIds.AvgSalesCycleDays, "c:duration c:deal !c:count"),

        (MetricIds.WinRate, "c:rate c:win"),
        (MetricIds.WinRate, "c:rate c:close !c:customer"),
        (MetricIds.WinRate, "c:rate c:deal c:win"),
        (MetricIds.WinRate, "c:conversion c:deal !c:count !c:customer"),
        (MetricIds.WinRate, "m:pipeline c:conversion"),

        (MetricIds.NewCustomers, "c:customer c:new"),
        (MetricIds.NewCustomers, "c:customer c:win"),
        (MetricIds.NewCustomers, "c:customer c:create"),
        (MetricIds.NewCustomers, "c:customer c:book"),
        (MetricIds.Customers, "c:count c:customer !c:new !c:win !c:lose !c:create"),
        (MetricIds.LogoChurnRate, "c:customer c:lose"),

        (MetricIds.RevenueChurnRate, "m:logo_churn_rate c:revenue"),
        (MetricIds.RevenueChurnRate, "m:logo_churn_rate c:amount"),
        (MetricIds.Pipeline, "c:open c:deal c:amount"),
        (MetricIds.Pipeline, "c:open c:amount"),
        (MetricIds.PipelineCreated, "m:pipeline c:create"),
        (MetricIds.PipelineCreated, "m:pipeline c:new"),
        (MetricIds.WeightedPipeline, "m:pipeline c:weight"),
        (MetricIds.ForecastAccuracy, "m:forecast c:accurate"),
        // "weighted forecast", "CRM-weighted forecast", "previsión ponderada": the old bookings + weighted pipeline number.
        (MetricIds.WeightedForecast, "m:forecast c:weight"),
        (MetricIds.NetNewArr, "m:arr c:grow"),
        (MetricIds.NetNewArr, "m:arr c:create"),
        (MetricIds.NetNewArr, "m:arr c:new"),
        (MetricIds.RenewalRate, "m:win_rate t:renewal"),
        // "bookings this quarter against quota": bookings measured against the plan.
        (MetricIds.QuotaAttainment, "m:bookings m:quota_attainment"),
        (MetricIds.ExpansionRate, "m:win_rate t:expansion"),

        ("?revenue", "c:revenue"),
        ("?retention", "c:retention"),
        ("?retention", "c:retention c:revenue"),
        ("?conversion", "c:conversion"),
    ];

    /// <summary>What an ambiguous word may mean, most likely first: offered as buttons.</summary>
    public static readonly (string Word, string[] Metrics)[] Ambiguities =
    [
        ("?revenue", [MetricIds.Bookings, MetricIds.Arr, MetricIds.Mrr]),
        ("?retention", [MetricIds.Nrr, MetricIds.Grr, MetricIds.LogoChurnRate]),
        // Opportunities converted to won deals, by count or by value; lead conversion is not measured (lead words are unknown).
        ("?conversion", [MetricIds.WinRate, MetricIds.WinRateValue]),
    ];
}
