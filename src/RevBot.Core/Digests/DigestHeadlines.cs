using RevBot.Core.Domain;
using RevBot.Core.Metrics;

namespace RevBot.Core.Digests;

/// <summary>
/// Each audience's headline numbers, in reading order: the one list the digests show and "how are we doing?" answers
/// with (<see cref="Conversation.ScorecardAnswers"/>), so the two never disagree on what matters to whom.
/// </summary>
public static class DigestHeadlines
{
    /// <summary>The executive digest shows the quarter's forecast after its first <see cref="ExecDealMetrics"/> (deal) headlines, before the recurring-revenue ones.</summary>
    internal const int ExecDealMetrics = 5;

    internal static IReadOnlyList<(string Metric, DigestScope Scope)> For(DigestKind kind) => kind switch
    {
        DigestKind.Sales => [(MetricIds.Bookings, DigestScope.Week), (MetricIds.DealsWon, DigestScope.Week), (MetricIds.DealsLost, DigestScope.Week), (MetricIds.WinRate, DigestScope.Week),
            (MetricIds.PipelineCreated, DigestScope.Week), (MetricIds.Bookings, DigestScope.QuarterToDate), (MetricIds.WinRate, DigestScope.QuarterToDate), (MetricIds.Pipeline, DigestScope.Quarter)],
        DigestKind.Cs => [(MetricIds.Arr, DigestScope.Week), (MetricIds.NetNewArr, DigestScope.QuarterToDate), (MetricIds.LogoChurnRate, DigestScope.QuarterToDate),
            (MetricIds.Nrr, DigestScope.QuarterToDate), (MetricIds.ExpansionRate, DigestScope.QuarterToDate), (MetricIds.RenewalRate, DigestScope.QuarterToDate)],
        DigestKind.Marketing => [(MetricIds.PipelineCreated, DigestScope.Week), (MetricIds.PipelineCreated, DigestScope.QuarterToDate), (MetricIds.NewCustomers, DigestScope.QuarterToDate),
            (MetricIds.Cac, DigestScope.QuarterToDate), (MetricIds.WinRate, DigestScope.QuarterToDate)],
        DigestKind.Finance => [(MetricIds.Bookings, DigestScope.Week), (MetricIds.Bookings, DigestScope.QuarterToDate), (MetricIds.Arr, DigestScope.Week), (MetricIds.NetNewArr, DigestScope.QuarterToDate),
            (MetricIds.LogoChurnRate, DigestScope.QuarterToDate), (MetricIds.RevenueChurnRate, DigestScope.QuarterToDate)],
        _ => [(MetricIds.Bookings, DigestScope.Week), (MetricIds.Bookings, DigestScope.QuarterToDate), (MetricIds.WinRate, DigestScope.QuarterToDate),
            (MetricIds.PipelineCreated, DigestScope.QuarterToDate), (MetricIds.Pipeline, DigestScope.Quarter),
            (MetricIds.Arr, DigestScope.Week), (MetricIds.NetNewArr, DigestScope.QuarterToDate), (MetricIds.LogoChurnRate, DigestScope.QuarterToDate)],
    };

    /// <summary>The audience's headline metrics, each once, in reading order.</summary>
    public static IReadOnlyList<string> Metrics(DigestKind kind) => [.. For(kind).Select(h => h.Metric).Distinct(StringComparer.Ordinal)];

    /// <summary>Whose numbers a person reads: reps and managers sales, CS, marketing and finance their own, executives, RevOps and anyone unknown the company's.</summary>
    public static DigestKind ForRole(UserRole? role) => role switch
    {
        UserRole.Rep or UserRole.Manager => DigestKind.Sales,
        UserRole.Cs => DigestKind.Cs,
        UserRole.Marketing => DigestKind.Marketing,
        UserRole.Finance => DigestKind.Finance,
        _ => DigestKind.Exec,
    };
}
