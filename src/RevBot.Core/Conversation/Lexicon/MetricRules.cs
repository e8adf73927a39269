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
        ("deals_won", "c:count c:win !c:customer !c:rate"),
        ("deals_won", "c:count c:deal c:close !c:rate !c:open !c:closing !c:customer"),
        ("deals_won", "c:count c:close !c:amount !c:customer !c:rate !c:open !c:closing !c:revenue"),
        ("deals_won", "c:deal c:win !c:rate !c:customer !c:duration !c:amount !c:average"),
        ("deals_won", "c:deal c:close !c:rate !c:open !c:closing !c:amount !c:count !c:customer !c:duration !c:average !c:size"),
        ("deals_lost", "c:count c:lose !c:customer !c:rate"),
        ("deals_lost", "c:deal c:lose !c:rate !c:customer !c:amount !c:average"),
        ("lost_amount", "c:amount c:lose !c:rate !c:customer !c:revenue !c:count"),
        ("lost_amount", "m:deals_lost c:amount"),

        ("bookings", "c:amount c:win !c:rate"),
        ("bookings", "c:amount c:close !c:open !c:closing !c:rate !c:lose"),
        ("bookings", "c:amount c:book"),
        ("bookings", "c:book"),
        ("bookings", "c:amount c:sell"),
        ("bookings", "c:sell"),
        ("bookings", "c:revenue c:close !c:rate !c:closing !c:lose"),
        ("bookings", "c:revenue c:win !c:rate"),
        ("bookings", "c:revenue c:book"),
        ("bookings", "c:revenue c:sell"),
        ("bookings", "c:close !c:deal !c:count !c:open !c:closing !c:rate !c:duration !c:customer !c:average !c:size !c:lose"),
        ("bookings", "c:revenue t:expansion"),
        ("bookings", "c:revenue t:renewal"),
        ("bookings", "c:revenue t:new"),
        ("bookings", "c:amount t:expansion"),
        ("bookings", "c:amount t:renewal"),
        ("bookings", "c:amount t:new"),

        ("avg_deal_size", "c:average c:deal"),
        ("avg_deal_size", "c:size c:deal"),
        ("avg_deal_size", "c:average c:amount c:win"),
        ("avg_sales_cycle_days", "c:duration c:close"),
        ("avg_sales_cycle_days", "c:duration c:win"),
        ("avg_sales_cycle_days", "c:duration c:deal !c:count"),

        ("win_rate", "c:rate c:win"),
        ("win_rate", "c:rate c:close !c:customer"),
        ("win_rate", "c:rate c:deal c:win"),
        ("win_rate", "c:conversion c:deal !c:count !c:customer"),
        ("win_rate", "m:pipeline c:conversion"),

        ("new_customers", "c:customer c:new"),
        ("new_customers", "c:customer c:win"),
        ("new_customers", "c:customer c:create"),
        ("new_customers", "c:customer c:book"),
        ("customers", "c:count c:customer !c:new !c:win !c:lose !c:create"),
        ("logo_churn_rate", "c:customer c:lose"),

        ("revenue_churn_rate", "m:logo_churn_rate c:revenue"),
        ("revenue_churn_rate", "m:logo_churn_rate c:amount"),
        ("pipeline", "c:open c:deal c:amount"),
        ("pipeline", "c:open c:amount"),
        ("pipeline_created", "m:pipeline c:create"),
        ("pipeline_created", "m:pipeline c:new"),
        ("weighted_pipeline", "m:pipeline c:weight"),
        ("forecast_accuracy", "m:forecast c:accurate"),
        ("net_new_arr", "m:arr c:grow"),
        ("net_new_arr", "m:arr c:create"),
        ("net_new_arr", "m:arr c:new"),
        ("renewal_rate", "m:win_rate t:renewal"),
        // "bookings this quarter against quota": bookings measured against the plan.
        ("quota_attainment", "m:bookings m:quota_attainment"),
        ("expansion_rate", "m:win_rate t:expansion"),

        ("?revenue", "c:revenue"),
        ("?retention", "c:retention"),
        ("?retention", "c:retention c:revenue"),
        ("?conversion", "c:conversion"),
    ];

    /// <summary>What an ambiguous word may mean, most likely first: offered as buttons.</summary>
    public static readonly (string Word, string[] Metrics)[] Ambiguities =
    [
        ("?revenue", ["bookings", "arr", "mrr"]),
        ("?retention", ["nrr", "grr", "logo_churn_rate"]),
        // Opportunities converted to won deals, by count or by value; lead conversion is not measured (lead words are unknown).
        ("?conversion", ["win_rate", "win_rate_value"]),
    ];
}
