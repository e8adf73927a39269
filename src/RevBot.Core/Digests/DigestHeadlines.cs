using RevBot.Core.Domain;

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
        DigestKind.Sales => [("bookings", DigestScope.Week), ("deals_won", DigestScope.Week), ("deals_lost", DigestScope.Week), ("win_rate", DigestScope.Week),
            ("pipeline_created", DigestScope.Week), ("bookings", DigestScope.QuarterToDate), ("win_rate", DigestScope.QuarterToDate), ("pipeline", DigestScope.Quarter)],
        DigestKind.Cs => [("arr", DigestScope.Week), ("net_new_arr", DigestScope.QuarterToDate), ("logo_churn_rate", DigestScope.QuarterToDate),
            ("nrr", DigestScope.QuarterToDate), ("expansion_rate", DigestScope.QuarterToDate), ("renewal_rate", DigestScope.QuarterToDate)],
        DigestKind.Marketing => [("pipeline_created", DigestScope.Week), ("pipeline_created", DigestScope.QuarterToDate), ("new_customers", DigestScope.QuarterToDate),
            ("cac", DigestScope.QuarterToDate), ("win_rate", DigestScope.QuarterToDate)],
        DigestKind.Finance => [("bookings", DigestScope.Week), ("bookings", DigestScope.QuarterToDate), ("arr", DigestScope.Week), ("net_new_arr", DigestScope.QuarterToDate),
            ("logo_churn_rate", DigestScope.QuarterToDate), ("revenue_churn_rate", DigestScope.QuarterToDate)],
        _ => [("bookings", DigestScope.Week), ("bookings", DigestScope.QuarterToDate), ("win_rate", DigestScope.QuarterToDate),
            ("pipeline_created", DigestScope.QuarterToDate), ("pipeline", DigestScope.Quarter),
            ("arr", DigestScope.Week), ("net_new_arr", DigestScope.QuarterToDate), ("logo_churn_rate", DigestScope.QuarterToDate)],
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
