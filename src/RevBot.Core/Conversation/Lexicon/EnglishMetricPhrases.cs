namespace RevBot.Core.Conversation.Lexicon;

/// <summary>
/// English ways to name a metric. Pattern: words separated by spaces, alternatives by "|", a trailing "?" makes a
/// word optional, ";" separates whole alternative phrases. Plurals need not be listed ("deal" also reads "deals"). The catalog's own names are added by
/// <see cref="PhraseLexicon"/>, so every metric is reachable by its name. Vague words are weak ("w:") and
/// lose to any specific phrase; words that name a metric only together are concepts (see <see cref="MetricRules"/>).
/// </summary>
internal static class EnglishMetricPhrases
{
    public static readonly (string Pattern, string Cues)[] Entries =
    [
        ("win|winning rate|ratio|percentage|percent|pct|%|rates", "m:win_rate"),
        ("winrate|winrates|win%", "m:win_rate"),
        ("close|closing|closed rate|ratio|percentage", "m:win_rate"),
        ("hit|success rate|ratio", "m:win_rate"),
        ("win loss rate|ratio", "m:win_rate"),
        // Glossaries: "also known as close rate, win percentage"; the CRM report words: "opportunity win rate", "closed won rate".
        ("opportunity|opp|oppty|deal|sales win|close|closing rate|ratio|percentage", "m:win_rate"),
        ("closed won rate|ratio|percentage|pct", "m:win_rate"),
        ("opportunity|opp|oppty|deal to close|win|won rate|ratio|conversion", "m:win_rate"),
        ("win rate|ratio by|in value|amount|dollars|dollar|revenue|money", "m:win_rate_value"),
        ("value|dollar|amount|revenue|weighted win rate", "m:win_rate_value"),

        ("bookings|booking", "m:bookings"),
        ("booked revenue|amount|business|sales|value|arr", "m:bookings"),
        ("closed|won revenue|amount|sales|business|value|dollars", "m:bookings"),
        ("revenue|amount|value|business|dollars closed|won|booked", "m:bookings"),
        ("closed won", "m:bookings"),
        ("sales", "w:bookings"),
        ("new bookings", "m:bookings"),
        // Finance words for what was signed: total contract value, order intake (European usage).
        ("tcv; total contract value; order|orders intake; orders booked|won", "m:bookings"),

        ("deal|opportunity|opp|oppty won|closed", "m:deals_won"),
        ("won|closed deal|opportunity|opp|oppty", "m:deals_won"),
        ("closed won deal|opportunity|opp", "m:deals_won"),
        ("win|wins count|number", "m:deals_won"),
        ("number of wins", "m:deals_won"),
        ("wins", "m:deals_won"),
        ("deal|opportunity|opp|oppty lost", "m:deals_lost"),
        ("lost|closed lost deal|opportunity|opp|oppty", "m:deals_lost"),
        ("losses; loss count", "m:deals_lost"),
        ("closed lost; closedlost", "m:deals_lost"),
        ("number of losses", "m:deals_lost"),

        ("average|avg|mean|typical|median deal|contract|order size|value|amount", "m:avg_deal_size"),
        ("deal|contract size|sizes", "m:avg_deal_size"),
        ("average|avg|mean|typical deal|contract", "m:avg_deal_size"),
        ("size of our? deal", "m:avg_deal_size"),
        ("acv|asp|aov", "m:avg_deal_size"),
        ("average|avg annual? contract|selling value|price", "m:avg_deal_size"),
        ("annual contract value", "m:avg_deal_size"),

        ("sales|deal cycle|cycles", "m:avg_sales_cycle_days"),
        ("sales|deal cycle length|time|duration|days", "m:avg_sales_cycle_days"),
        ("average|avg|mean|typical sales|deal cycle", "m:avg_sales_cycle_days"),
        ("cycle time|length", "m:avg_sales_cycle_days"),
        ("length of the? sales|deal cycle", "m:avg_sales_cycle_days"),
        ("days|time to close|win|closing", "m:avg_sales_cycle_days"),
        ("time to close a deal", "m:avg_sales_cycle_days"),

        ("pipeline|pipe|pipelines", "m:pipeline"),
        ("open|sales|total|current pipeline|pipe", "m:pipeline"),
        ("pipeline|pipe value|amount|size", "m:pipeline"),
        ("value|amount of open deal|opportunity|opp", "m:pipeline"),
        ("open deal|opportunity value|amount", "m:pipeline"),
        ("funnel|funnels; sales|deal|opportunity funnel", "m:pipeline"),

        ("weighted pipeline|pipe", "m:weighted_pipeline"),
        ("probability|risk weighted|adjusted pipeline|pipe", "m:weighted_pipeline"),
        ("expected pipeline|pipe value?", "m:weighted_pipeline"),
        ("factored pipeline|pipe", "m:weighted_pipeline"),

        ("pipeline|pipe created|generated|added|sourced|built|creation|generation|gen", "m:pipeline_created"),
        ("created|generated|new|added|sourced pipeline|pipe", "m:pipeline_created"),
        ("pipegen|pipeline-gen", "m:pipeline_created"),

        ("forecast|forecasts|forecasted|projection|projections", "m:forecast"),
        ("projected|expected|forecasted bookings|revenue|sales", "m:forecast"),
        ("where will we land", "m:forecast"),
        ("weighted|factored forecast|forecasts|projection", "m:weighted_forecast"),
        ("crm forecast|forecasts", "m:weighted_forecast"),
        ("forecast|projection vs|versus|against quota|plan|target", "m:forecast_attainment"),
        ("forecast|projection to|for quota|plan|target", "m:forecast_attainment"),
        ("forecasted|projected attainment", "m:forecast_attainment"),
        ("landing", "w:forecast"),
        ("forecast|forecasting accuracy|precision", "m:forecast_accuracy"),
        ("accuracy of the|our? forecast|forecasts|forecasting", "m:forecast_accuracy"),

        ("quota|quotas attainment|achievement|performance|progress|achieved", "m:quota_attainment"),
        ("attainment|quota|quotas", "m:quota_attainment"),
        ("percent|percentage|% to|of quota|plan|target", "m:quota_attainment"),
        ("attainment|progress to|vs|against quota|plan|target", "m:quota_attainment"),
        ("target attainment|achievement", "m:quota_attainment"),
        ("hit|hitting|reach|reaching|meet|meeting|make|making quota|quotas", "m:quota_attainment"),

        ("pipeline|pipe coverage|cover", "m:pipeline_coverage"),
        ("coverage ratio?", "m:pipeline_coverage"),
        ("how much pipeline|pipe do|will|would we|i need; pipeline|pipe needed|required; required|needed pipeline|pipe", "m:pipeline_needed"),
        ("pipeline|pipe we|i need; pipeline|pipe to hit|make|reach|cover our|the? quota|plan|target|number; what pipeline|pipe do|will|would we|i need", "m:pipeline_needed"),
        ("how much pipeline|pipe do|will|would we|i need to hit|make|reach|meet|cover our|the? quota|plan|target|number", "m:pipeline_needed"),
        ("what pipeline|pipe do|will|would we|i need to hit|make|reach|meet|cover our|the? quota|plan|target|number", "m:pipeline_needed"),
        // "My number" is the asker's own quota: the phrase takes "my" with it, so it sets the owner itself.
        ("how much pipeline|pipe do|will|would i need to hit|make|reach|meet|cover my quota|plan|target|number; what pipeline|pipe do|will|would i need to hit|make|reach|meet|cover my quota|plan|target|number", "m:pipeline_needed,me"),
        ("pipeline|pipe to hit|make|reach|meet|cover my quota|plan|target|number", "m:pipeline_needed,me"),
        ("pipeline|pipe to quota|target ratio?; pipeline|pipe quota ratio", "m:pipeline_coverage"),

        ("pipeline|pipe|sales|deal velocity", "m:pipeline_velocity"),
        ("velocity", "m:pipeline_velocity"),

        ("arr", "m:arr"),
        ("annual|annualized|annualised|yearly recurring revenue", "m:arr"),
        ("recurring revenue", "m:arr"),
        ("run rate; runrate", "m:arr"),
        ("annual|annualized|annualised|arr run rate|runrate", "m:arr"),
        ("mrr", "m:mrr"),
        ("monthly recurring revenue", "m:mrr"),
        ("monthly|mrr run rate|runrate", "m:mrr"),

        ("customer|client|logo", "w:customers,c:customer,d:Account"),
        ("customer count|base", "m:customers"),
        ("active|paying|current|existing|total customer|client|logo|account", "m:customers"),
        ("customer|client|logo|account count", "m:customers"),

        ("net new arr|mrr", "m:net_new_arr"),
        ("nnarr|nnarr", "m:net_new_arr"),
        ("arr growth|added|increase|change|gain", "m:net_new_arr"),
        ("growth in|of arr", "m:net_new_arr"),
        ("net arr change|growth", "m:net_new_arr"),

        // The ARR bridge's legs: "new ARR" is the new customers' ARR, not net new ARR.
        ("new|gross new arr|mrr; new business|logo|customer arr|mrr; arr|mrr from|of new customer|client|logo|business|account", "m:new_arr"),
        ("expansion|expanded|upsell|upgrade arr|mrr; arr|mrr from|of expansion|expansions|upsell|upsells|upgrade|upgrades", "m:expansion_arr"),
        ("contraction|contracted|downgrade|downsell arr|mrr; arr|mrr lost to|from|of downgrade|contraction|downsell; contraction; downgrades", "m:contraction_arr"),
        ("churned|lost|cancelled|canceled arr|mrr; arr|mrr churned|lost|cancelled|canceled; arr|mrr lost to churn", "m:churned_arr"),

        ("nrr|ndr|dbnr|dbnrr", "m:nrr"),
        ("net revenue|dollar|arr|mrr? retention rate?", "m:nrr"),
        ("dollar based net revenue|dollar? retention rate?", "m:nrr"),
        ("grr|gdr", "m:grr"),
        ("gross revenue|dollar|arr|mrr? retention rate?", "m:grr"),

        ("revenue|dollar|arr|mrr|gross|value churn rate?", "m:revenue_churn_rate"),
        ("churned revenue|dollars", "m:revenue_churn_rate"),
        ("gross revenue churn", "m:revenue_churn_rate"),
        ("churn|churns|churning|churned", "m:logo_churn_rate"),
        ("churn rate", "m:logo_churn_rate"),
        ("logo|customer|account|client churn rate?", "m:logo_churn_rate"),
        ("attrition|cancellations|cancellation rate?", "m:logo_churn_rate"),
        ("customer|client|logo attrition", "m:logo_churn_rate"),
        ("churned|lost|cancelled|canceled customer|account|logo|client", "m:logo_churn_rate"),
        ("customer|account|logo|client churned|lost|cancelled|canceled", "m:logo_churn_rate"),

        ("renewal rate|ratio|percentage; renewal win rate", "m:renewal_rate"),
        ("retention of renewals", "m:renewal_rate"),
        ("expansion|upsell|upselling rate|ratio; cross sell rate", "m:expansion_rate"),

        ("new customer|client|logo|account", "m:new_customers"),
        ("customer|client|logo|account acquired|added|won|signed|landed|gained|acquisition|acquisitions", "m:new_customers"),
        ("newly acquired|signed customer|client|logo|account", "m:new_customers"),

        ("cac", "m:cac"),
        ("customer? acquisition cost|costs", "m:cac"),
        ("cost to|of acquire|acquiring|acquisition a? new? customer|client|logo?", "m:cac"),
        ("cost per new? customer|logo|acquisition", "m:cac"),
        ("blended cac", "m:cac"),

        ("ltv|clv|cltv; lifetime value", "m:ltv"),
        ("customer|client lifetime value", "m:ltv"),
        ("lifetime value of a|our? customer|client", "m:ltv"),
        ("ltv|clv to|vs|versus|over|per|and cac ratio?", "m:ltv_to_cac"),
        ("ltv|clv cac ratio|rate?", "m:ltv_to_cac"),
        ("cac ltv ratio?", "m:ltv_to_cac"),
        ("lifetime value to|vs|versus|over cac ratio?; lifetime value to|vs|versus|over acquisition cost ratio?", "m:ltv_to_cac"),
        ("ltvcac|ltv2cac", "m:ltv_to_cac"),
    ];
}
