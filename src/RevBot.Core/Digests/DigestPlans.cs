using RevBot.Core.Metrics;

namespace RevBot.Core.Digests;

/// <summary>
/// What each audience's digest holds, in reading order. Sales: the week's deals and pipeline. Customer success:
/// recurring revenue, renewals, expansion, risk. Marketing: pipeline created and what it costs. Finance: bookings, the
/// forecast and the ARR bridge. Executive: a few of each.
/// </summary>
internal static class DigestPlans
{
    public static async Task<DigestContent> BuildAsync(DigestKind kind, DigestParts p, IReadOnlyList<string> stageOrder)
    {
        var c = new DigestContent();
        p.PrepareFeeds(FeedSections(kind));
        switch (kind)
        {
            case DigestKind.Sales:
                await c.MetricsAsync(p, ("bookings", DigestScope.Week), ("deals_won", DigestScope.Week), ("deals_lost", DigestScope.Week), ("win_rate", DigestScope.Week),
                    ("pipeline_created", DigestScope.Week), ("bookings", DigestScope.QuarterToDate), ("win_rate", DigestScope.QuarterToDate), ("pipeline", DigestScope.Quarter));
                c.Add(await p.ForecastAsync());
                c.Add(await p.TopDealsAsync(DealListKind.Won), await p.TopDealsAsync(DealListKind.Lost), await p.StageAdvancesAsync(), await p.PushedOutAsync(),
                    await p.FeedAsync(DigestSectionIds.StalledDeals), await p.FeedAsync(DigestSectionIds.OpenHandoffs));
                c.Add(await p.PipelineByStageChartAsync(stageOrder), await p.BookingsByWeekChartAsync());
                break;
            case DigestKind.Cs:
                await c.MetricsAsync(p, ("arr", DigestScope.Week), ("net_new_arr", DigestScope.QuarterToDate), ("logo_churn_rate", DigestScope.QuarterToDate),
                    ("nrr", DigestScope.QuarterToDate), ("expansion_rate", DigestScope.QuarterToDate), ("renewal_rate", DigestScope.QuarterToDate));
                c.Add(await p.RenewalsDueAsync(), await p.ExpansionWonAsync(), await p.FeedAsync(DigestSectionIds.AtRiskAccounts), await p.FeedAsync(DigestSectionIds.OpenHandoffs));
                await c.BridgeAsync(p, withSection: false);
                break;
            case DigestKind.Marketing:
                await c.MetricsAsync(p, ("pipeline_created", DigestScope.Week), ("pipeline_created", DigestScope.QuarterToDate), ("new_customers", DigestScope.QuarterToDate),
                    ("cac", DigestScope.QuarterToDate), ("win_rate", DigestScope.QuarterToDate));
                c.Add(await p.PipelineBySourceAsync());
                c.Add(await p.BookingsByWeekChartAsync());
                break;
            case DigestKind.Finance:
                await c.MetricsAsync(p, ("bookings", DigestScope.Week), ("bookings", DigestScope.QuarterToDate), ("arr", DigestScope.Week), ("net_new_arr", DigestScope.QuarterToDate),
                    ("logo_churn_rate", DigestScope.QuarterToDate), ("revenue_churn_rate", DigestScope.QuarterToDate));
                c.Add(await p.ForecastAsync());
                await c.BridgeAsync(p, withSection: true);
                c.Add(await p.BookingsByWeekChartAsync());
                break;
            default:
                await c.MetricsAsync(p, ("bookings", DigestScope.Week), ("bookings", DigestScope.QuarterToDate), ("win_rate", DigestScope.QuarterToDate),
                    ("pipeline_created", DigestScope.QuarterToDate), ("pipeline", DigestScope.Quarter));
                c.Add(await p.ForecastAsync());
                await c.MetricsAsync(p, ("arr", DigestScope.Week), ("net_new_arr", DigestScope.QuarterToDate), ("logo_churn_rate", DigestScope.QuarterToDate));
                c.Add(await p.TopDealsAsync(DealListKind.Won), await p.FeedAsync(DigestSectionIds.StalledDeals), await p.FeedAsync(DigestSectionIds.AtRiskAccounts));
                c.Add(await p.BookingsByWeekChartAsync());
                await c.BridgeAsync(p, withSection: false);
                break;
        }
        return c;
    }

    /// <summary>The fed sections each plan below shows, so their feeds can start before the numbers.</summary>
    private static string[] FeedSections(DigestKind kind) => kind switch
    {
        DigestKind.Sales => [DigestSectionIds.StalledDeals, DigestSectionIds.OpenHandoffs],
        DigestKind.Cs => [DigestSectionIds.AtRiskAccounts, DigestSectionIds.OpenHandoffs],
        DigestKind.Exec => [DigestSectionIds.StalledDeals, DigestSectionIds.AtRiskAccounts],
        _ => [],
    };
}
