using RevBot.Core.Domain;
using RevBot.Core.Localization;

namespace RevBot.Core.Metrics;

/// <summary>
/// Everything about one metric, in one place (<see cref="MetricCatalog"/>): its identity, how it reads, the rows it is
/// computed over (<see cref="Basis"/>) and how it is computed. <see cref="PointInTime"/> metrics (ARR, pipeline) are
/// measured on a day and default to the as-of day; flow metrics (bookings, win rate) are summed over a period and
/// default to this quarter. Data needs, dimensions, the deal amount and deal type filters, the digest family and the
/// count wording follow from the basis unless the definition says otherwise.
/// </summary>
public sealed record MetricDefinition(MetricId Id, MetricBasis Basis, MetricUnit Unit, bool PointInTime)
{
    private readonly IReadOnlyList<IReadOnlyList<MetricSource>>? needs;
    private readonly CountWording? counts;
    private readonly MetricFamily? family;

    /// <summary>The name in <paramref name="language"/>, from the text catalog (<see cref="NameKey"/>; English for a language without a catalog).</summary>
    public string Name(string? language) => Texts.Get(language, NameKey);

    /// <summary>The definition in <paramref name="language"/>, from the text catalog (<see cref="DefinitionKey"/>).</summary>
    public string Definition(string? language) => Texts.Get(language, DefinitionKey);

    /// <summary>The catalog key of the name: "Metric" + the id in PascalCase + "Name" (win_rate → MetricWinRateName).</summary>
    public string NameKey => KeyPrefix + "Name";

    /// <summary>The catalog key of the definition (win_rate → MetricWinRateDefinition).</summary>
    public string DefinitionKey => KeyPrefix + "Definition";

    private string KeyPrefix => "Metric" + string.Concat(Id.Value.Split('_').Select(w => w.Length == 0 ? w : char.ToUpperInvariant(w[0]) + w[1..]));

    /// <summary>True when a bigger number is good news (false for churn, CAC, sales cycle).</summary>
    public bool HigherIsBetter { get; init; } = true;

    /// <summary>The deal type the metric is about already (renewal rate, expansion rate): a deal type in the question does not filter it.</summary>
    public DealType? DealType { get; init; }

    /// <summary>What must be loaded for the value to mean anything: each inner list is "any of these", all must be met. Defaults to the basis's.</summary>
    public IReadOnlyList<IReadOnlyList<MetricSource>> Needs { get => needs ?? MetricBases.Needs(Basis); init => needs = value; }

    /// <summary>How the counts behind a value read ("1,196 won of 1,985 closed"). Defaults to the basis's.</summary>
    public CountWording Counts { get => counts ?? DefaultCounts(Basis); init => counts = value; }

    /// <summary>The metrics read from one statement with this one. Cohort metrics share theirs.</summary>
    public MetricFamily Family { get => family ?? (Basis == MetricBasis.Cohorts ? MetricFamily.Cohort : MetricFamily.None); init => family = value; }

    /// <summary>Narrowed by a deal amount range ("over 50k"): computed from deals one by one.</summary>
    public bool TakesAmount => MetricBases.IsDealByDeal(Basis);

    /// <summary>Filtered by the deal type a question names ("renewal bookings"), unless about a type already.</summary>
    public bool TakesDealType => MetricBases.IsDealByDeal(Basis) && DealType is null;

    /// <summary>Measured against the whole period, never cut to date (<see cref="MetricComparison"/>).</summary>
    public bool WholePeriodOnly => MetricBases.IsWholePeriod(Basis);

    /// <summary>Every open deal when no period is named (pipeline, weighted pipeline).</summary>
    public bool IsOpenPipeline => Basis == MetricBasis.OpenDeals && PointInTime;

    /// <summary>How the engine computes it: the queries it needs and the formula that combines them.</summary>
    internal MetricEvaluation? Evaluate { get; init; }

    /// <summary>
    /// The one summed column the value is, per group, when it is (bookings: the won amount): then a breakdown asked
    /// for its first groups (<see cref="MetricQuery.Top"/>) is ranked and cut in the database. Set only for metrics
    /// evaluated from one statement.
    /// </summary>
    internal RankedStat? RankedBy { get; init; }

    private static CountWording DefaultCounts(MetricBasis basis) => basis switch
    {
        MetricBasis.OpenDeals or MetricBasis.CreatedDeals => CountWording.Deals,
        MetricBasis.ArrBridge => CountWording.BridgeAccounts,
        MetricBasis.Cohorts => CountWording.OfStartingArr,
        _ => CountWording.Plain,
    };
}

/// <summary>Computes one metric's total, and per group when a breakdown is asked.</summary>
internal delegate Task<Grouped<MetricValue>> MetricEvaluation(MetricContext context, Dimension? groupBy, CancellationToken ct);

/// <summary>
/// Metrics the engine reads from one statement when asked together (<see cref="MetricEngine.EvaluateManyAsync"/>):
/// a digest asking for one asks for its family, so the others cost no query when another digest shows them.
/// </summary>
public enum MetricFamily
{
    None,

    /// <summary>Win rate, deals won and deals lost: the closed deals' counts.</summary>
    ClosedCounts,

    /// <summary>NRR, GRR and the churn rates: the cohort active before the period.</summary>
    Cohort,
}
