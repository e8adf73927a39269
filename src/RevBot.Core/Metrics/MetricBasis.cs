namespace RevBot.Core.Metrics;

/// <summary>
/// The rows a metric is computed over. A definition declares one, and what follows from it is derived here and in
/// <see cref="MetricSupport"/> instead of listed per metric: which data must be loaded, whether a deal amount or a
/// deal type narrows it, and which dimensions it can be filtered and broken down by.
/// </summary>
public enum MetricBasis
{
    /// <summary>Deals closed (won or lost) in the period; a closed deal's stage says nothing.</summary>
    ClosedDeals,

    /// <summary>Closed deals where the loss reason applies too (deals lost, lost amount).</summary>
    LostDeals,

    /// <summary>Open deals, by expected close date.</summary>
    OpenDeals,

    /// <summary>Deals created in the period.</summary>
    CreatedDeals,

    /// <summary>Accounts whose first won new-business deal (else first paid subscription) falls in the period.</summary>
    NewCustomers,

    /// <summary>Subscriptions active on a day.</summary>
    Subscriptions,

    /// <summary>The accounts active the day before the period starts, followed to its end (one statement for all of them).</summary>
    Cohorts,

    /// <summary>Accounts' ARR on the day before the period and at its end, split by how it moved.</summary>
    ArrBridge,

    /// <summary>Accounts with a won deal of the metric's own type, over the customers before the period.</summary>
    DealAccounts,

    /// <summary>Bookings and pipeline against the quota (plans are set per rep).</summary>
    Quotas,

    /// <summary>Bookings against a forecast snapshot (kept for the company and per rep).</summary>
    ForecastSnapshots,

    /// <summary>Marketing and sales spend per month, against new customers.</summary>
    Spend,
}

/// <summary>What a basis implies, for every metric on it.</summary>
public static class MetricBases
{
    private static readonly MetricSource[] Deals = [MetricSource.Deals];
    private static readonly MetricSource[] Subscriptions = [MetricSource.Subscriptions];
    private static readonly MetricSource[] NewCustomers = [MetricSource.NewBusinessWins, MetricSource.Subscriptions];

    /// <summary>The data a metric on this basis needs loaded (see <see cref="MetricSources"/>).</summary>
    public static IReadOnlyList<IReadOnlyList<MetricSource>> Needs(MetricBasis basis) => basis switch
    {
        MetricBasis.ClosedDeals or MetricBasis.LostDeals or MetricBasis.OpenDeals or MetricBasis.CreatedDeals => [Deals],
        MetricBasis.NewCustomers => [NewCustomers],
        MetricBasis.Subscriptions or MetricBasis.Cohorts or MetricBasis.ArrBridge => [Subscriptions],
        MetricBasis.DealAccounts => [Deals, Subscriptions],
        MetricBasis.Quotas => [Deals, [MetricSource.Quotas]],
        MetricBasis.ForecastSnapshots => [Deals, [MetricSource.ForecastSnapshots]],
        MetricBasis.Spend => [[MetricSource.Spend], NewCustomers],
        _ => throw new ArgumentOutOfRangeException(nameof(basis), basis, "No data needs for this basis."),
    };

    /// <summary>Summed or counted over deals one by one: a deal amount range ("over 50k") and a deal type ("renewals") narrow it.</summary>
    public static bool IsDealByDeal(MetricBasis basis) =>
        basis is MetricBasis.ClosedDeals or MetricBasis.LostDeals or MetricBasis.OpenDeals or MetricBasis.CreatedDeals;

    /// <summary>Measured against the whole period (a plan for it, or open deals by expected close): never cut to date (<see cref="MetricComparison"/>).</summary>
    public static bool IsWholePeriod(MetricBasis basis) => basis is MetricBasis.OpenDeals or MetricBasis.Quotas or MetricBasis.ForecastSnapshots;
}
