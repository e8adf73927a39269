using RevBot.Core.Metrics;

namespace RevBot.Core.Digests;

/// <summary>
/// What each audience's digest holds, in reading order. Sales: the week's deals and pipeline. Customer success:
/// recurring revenue, renewals, expansion, risk. Marketing: pipeline created and what it costs. Finance: bookings, the
/// forecast and the ARR bridge. Executive: a few of each. The headline numbers are <see cref="DigestHeadlines"/>.
/// The forecast is read last and put in its place (<see cref="DigestParts.ForecastLast"/>): a batch reads it meanwhile.
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
                await c.MetricsAsync(p, [.. DigestHeadlines.For(kind)]);
                var (salesForecastAt, salesForecast) = (c.Metrics.Count, p.ForecastLast());
                c.Add(await p.TopDealsAsync(DealListKind.Won), await p.TopDealsAsync(DealListKind.Lost), await p.StageAdvancesAsync(), await p.PushedOutAsync(),
                    await p.FeedAsync(DigestSectionIds.StalledDeals), await p.FeedAsync(DigestSectionIds.OpenHandoffs));
                c.Add(await p.PipelineByStageChartAsync(stageOrder), await p.BookingsByWeekChartAsync());
                c.Insert(salesForecastAt, await salesForecast());
                break;
            case DigestKind.Cs:
                await c.MetricsAsync(p, [.. DigestHeadlines.For(kind)]);
                c.Add(await p.RenewalsDueAsync(), await p.ExpansionWonAsync(), await p.FeedAsync(DigestSectionIds.AtRiskAccounts), await p.FeedAsync(DigestSectionIds.OpenHandoffs));
                await c.BridgeAsync(p, withSection: false);
                break;
            case DigestKind.Marketing:
                await c.MetricsAsync(p, [.. DigestHeadlines.For(kind)]);
                c.Add(await p.PipelineBySourceAsync());
                c.Add(await p.BookingsByWeekChartAsync());
                break;
            case DigestKind.Finance:
                await c.MetricsAsync(p, [.. DigestHeadlines.For(kind)]);
                var (financeForecastAt, financeForecast) = (c.Metrics.Count, p.ForecastLast());
                c.Add(await p.FeedAsync(DigestSectionIds.ForecastCall));
                await c.BridgeAsync(p, withSection: true);
                c.Add(await p.BookingsByWeekChartAsync());
                c.Insert(financeForecastAt, await financeForecast());
                break;
            default:
                await c.MetricsAsync(p, [.. DigestHeadlines.For(kind).Take(DigestHeadlines.ExecDealMetrics)]);
                var (execForecastAt, execForecast) = (c.Metrics.Count, p.ForecastLast());
                await c.MetricsAsync(p, [.. DigestHeadlines.For(kind).Skip(DigestHeadlines.ExecDealMetrics)]);
                c.Add(await p.TopDealsAsync(DealListKind.Won), await p.FeedAsync(DigestSectionIds.StalledDeals), await p.FeedAsync(DigestSectionIds.AtRiskAccounts));
                c.Add(await p.FeedAsync(DigestSectionIds.ForecastCall));
                c.Add(await p.BookingsByWeekChartAsync());
                await c.BridgeAsync(p, withSection: false);
                c.Insert(execForecastAt, await execForecast());
                break;
        }
        return c;
    }

    /// <summary>Whether the kind's plan shows the quarter's forecast (<see cref="DigestParts.ForecastAsync"/>), so a batch can start it early.</summary>
    public static bool ShowsForecast(DigestKind kind) => kind is DigestKind.Sales or DigestKind.Finance or DigestKind.Exec;

    /// <summary>The fed sections each plan below shows, so their feeds can start before the numbers.</summary>
    private static string[] FeedSections(DigestKind kind) => kind switch
    {
        DigestKind.Sales => [DigestSectionIds.StalledDeals, DigestSectionIds.OpenHandoffs],
        DigestKind.Cs => [DigestSectionIds.AtRiskAccounts, DigestSectionIds.OpenHandoffs],
        DigestKind.Exec => [DigestSectionIds.StalledDeals, DigestSectionIds.AtRiskAccounts],
        _ => [],
    };
}
