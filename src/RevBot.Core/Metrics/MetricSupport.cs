using RevBot.Core.Localization;

namespace RevBot.Core.Metrics;

/// <summary>
/// Which dimensions each metric can be filtered on and broken down by, and why not the others: what its
/// <see cref="MetricBasis"/> has. Checked before any query runs, so "ARR by stage" fails fast with a sentence instead
/// of a wrong number.
/// </summary>
internal static class MetricSupport
{
    private static readonly Dimension[] Deals = [.. Enum.GetValues<Dimension>().Where(d => d != Dimension.LossReason)];
    private static readonly Dimension[] ClosedDeals = [.. Deals.Where(d => d != Dimension.Stage)];
    private static readonly Dimension[] LostDeals = [.. ClosedDeals, Dimension.LossReason];
    private static readonly Dimension[] Accounts = [Dimension.Owner, Dimension.Team, Dimension.Region, Dimension.Segment, Dimension.Industry, Dimension.Account, Dimension.Product];
    private static readonly Dimension[] DealAccounts = [.. Accounts.Where(d => d != Dimension.Product)];
    private static readonly Dimension[] Reps = [Dimension.Owner, Dimension.Team];

    // The reasons, in the catalog: why a basis lacks the dimensions it lacks.
    private const string ClosedWhy = nameof(Catalog.MetricWhyClosed);
    private const string AccountsWhy = nameof(Catalog.MetricWhyAccounts);
    private const string DealAccountsWhy = nameof(Catalog.MetricWhyDealAccounts);
    private const string BridgeWhy = nameof(Catalog.MetricWhyBridge);
    private const string RepsWhy = nameof(Catalog.MetricWhyReps);
    private const string SnapshotWhy = nameof(Catalog.MetricWhySnapshot);
    private const string LossReasonWhy = nameof(Catalog.MetricWhyLossReason);
    private const string SpendWhy = nameof(Catalog.MetricWhySpend);

    public static void Check(MetricDefinition metric, IReadOnlyDictionary<Dimension, string> filters, Dimension? groupBy)
    {
        ArgumentNullException.ThrowIfNull(metric);
        ArgumentNullException.ThrowIfNull(filters);
        var (filterable, groupable, why) = For(metric.Basis);
        foreach (var dimension in filters.Keys.Where(d => !filterable.Contains(d)))
            throw new MetricNotSupportedException(metric.Id, dimension, false, nameof(Catalog.MetricCantFilter), Why(dimension, why));
        if (groupBy is { } g && !groupable.Contains(g))
            throw new MetricNotSupportedException(metric.Id, g, true, nameof(Catalog.MetricCantBreakDown), Why(g, why));
    }

    /// <summary>Also the value sets (each dimension as a filter would be) and the amount range (deal-based metrics only).</summary>
    public static void Check(MetricDefinition metric, IReadOnlyDictionary<Dimension, string> filters, QueryConditions conditions, Dimension? groupBy)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        Check(metric, filters, groupBy);
        var why = For(metric.Basis).Why;
        foreach (var dimension in conditions.Sets.Keys.Where(d => !SupportsSet(metric, d)))
            throw new MetricNotSupportedException(metric.Id, dimension, false, why is null ? nameof(Catalog.MetricCantFilterSet) : nameof(Catalog.MetricCantFilterSetWhy), why);
        if (conditions.Amount is not null && !metric.TakesAmount)
            throw new MetricNotSupportedException(metric.Id, null, false, nameof(Catalog.MetricCantLimitAmount)) { IsAmount = true };
    }

    /// <summary>Metrics summed or counted over deals one by one, which a deal amount range ("over 50k") can narrow.</summary>
    public static bool TakesAmount(string metric) => MetricCatalog.Get(metric).TakesAmount;

    public static bool Supports(string metric, Dimension dimension, bool breakdown)
    {
        var (filterable, groupable, _) = For(MetricCatalog.Get(metric).Basis);
        return (breakdown ? groupable : filterable).Contains(dimension);
    }

    /// <summary>
    /// Whether several values or an exclusion on <paramref name="dimension"/> narrow the metric: as a filter would, except
    /// forecast snapshots (one number per rep: no set of reps adds up to a snapshot that was kept).
    /// </summary>
    public static bool SupportsSet(MetricDefinition metric, Dimension dimension) =>
        For(metric.Basis).Filters.Contains(dimension) && metric.Basis != MetricBasis.ForecastSnapshots;

    private static (Dimension[] Filters, Dimension[] Breakdowns, string? Why) For(MetricBasis basis) => basis switch
    {
        MetricBasis.OpenDeals or MetricBasis.CreatedDeals => (Deals, Deals, null),
        MetricBasis.LostDeals => (LostDeals, LostDeals, ClosedWhy),
        MetricBasis.ClosedDeals or MetricBasis.NewCustomers => (ClosedDeals, ClosedDeals, ClosedWhy),
        MetricBasis.Subscriptions or MetricBasis.Cohorts => (Accounts, Accounts, AccountsWhy),
        MetricBasis.DealAccounts => (DealAccounts, DealAccounts, DealAccountsWhy),
        MetricBasis.ArrBridge => (Accounts, DealAccounts, BridgeWhy),
        MetricBasis.Quotas => (Reps, Reps, RepsWhy),
        MetricBasis.ForecastSnapshots => ([Dimension.Owner], [], SnapshotWhy),
        MetricBasis.Spend => ([], [], SpendWhy),
        _ => throw new ArgumentOutOfRangeException(nameof(basis), basis, "No dimension rules for this basis."),
    };

    private static string? Why(Dimension dimension, string? why) => dimension == Dimension.LossReason ? LossReasonWhy : why;
}
