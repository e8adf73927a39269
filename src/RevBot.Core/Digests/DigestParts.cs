using RevBot.Core.Answers;
using RevBot.Core.Localization;
using RevBot.Core.Metrics;
using RevBot.Core.Periods;

namespace RevBot.Core.Digests;

/// <summary>
/// The pieces digests are made of, for one request: headline numbers, deal lists, pipeline moves, revenue sections,
/// charts and the sections other parts of RevBot feed. Each kind's plan (<see cref="DigestPlans"/>) picks its pieces;
/// every number comes from <see cref="DigestData"/>, that is from the metric engine.
/// </summary>
internal sealed partial class DigestParts(DigestRequest request, DigestData data, DigestPeriods periods, FiscalCalendar fiscal, string currency, IEnumerable<IDigestFeed> feeds)
{
    public const int TopN = 5;

    private readonly List<string> _notes = [];

    public DigestRequest Request => request;
    public DigestPeriods Periods => periods;
    public IReadOnlyList<string> Notes => _notes;
    public string Language => request.Language;
    public AnswerFormatter Format { get; } = new(request.Language, currency);
    private IReadOnlyDictionary<Dimension, string> Filters => request.Filters;

    /// <summary>
    /// A headline number and its comparison; null (with a note) when the digest's filters do not apply to the metric,
    /// since a number for a wider audience than the subscription's would mislead.
    /// </summary>
    public async Task<DigestMetric?> HeadlineAsync(string metric, DigestScope scope)
    {
        if (Unsupported(metric) is { } dimension)
        {
            var def = MetricCatalog.Get(metric);
            // Metric and dimension names live with the metrics and the question vocabulary, in their two languages.
            Note(Texts.Get(Language, nameof(Catalog.DigestNoteNotFiltered), def.Name(Language), DimensionText.Name(dimension, Language)));
            return null;
        }
        var period = periods.For(scope);
        var previousPeriod = periods.PreviousFor(scope);
        // As in answers: a comparison period that starts before the data has nothing to compare with, not 0.
        if (previousPeriod is not null && await data.FirstDataDayAsync() is var first && (first is null || previousPeriod.Start < first))
        {
            previousPeriod = null;
            Note(first is not { } day
                ? Texts.Get(Language, nameof(Catalog.DigestNoteNoEarlierData))
                : Texts.Get(Language, nameof(Catalog.DigestNoteDataStarts), Format.Date(day, true)));
        }
        var value = await data.EvaluateAsync(metric, period, Filters);
        var previous = previousPeriod is null ? null : await data.EvaluateAsync(metric, previousPeriod, Filters);
        return new DigestMetric(metric, scope, MetricCatalog.Get(metric).Unit, period, value.Total, previousPeriod, previous?.Total,
            DigestQuestions.Metric(metric, scope, Filters, Language));
    }

    /// <summary>The quarter's forecast against its quota (the quota only where the filters allow one: owner and team).</summary>
    public async Task<DigestMetric?> ForecastAsync()
    {
        if (await HeadlineAsync(MetricIds.Forecast, DigestScope.Quarter) is not { } forecast) return null;
        if (Unsupported(MetricIds.QuotaAttainment) is not null) return forecast;
        var quota = (await data.EvaluateAsync(MetricIds.QuotaAttainment, periods.Quarter, Filters)).Total.Denominator;
        return forecast with { Target = quota, TargetQuestion = DigestQuestions.Metric(MetricIds.QuotaAttainment, DigestScope.Quarter, Filters, Language) };
    }

    /// <summary>
    /// The forecast, to be awaited after the digest's other numbers: a batch has started it on its own connection
    /// (<see cref="DigestBuilder"/>), so the digest reads the rest while it runs and then waits only for what is left of
    /// it. A filter the forecast does not support gives its note now, in reading order (no number to wait for).
    /// </summary>
    public Func<Task<DigestMetric?>> ForecastLast()
    {
        if (Unsupported(MetricIds.Forecast) is null) return ForecastAsync;
        var none = ForecastAsync();
        return () => none;
    }

    public void Note(string note)
    {
        if (!_notes.Contains(note)) _notes.Add(note);
    }

    private Dimension? Unsupported(string metric) =>
        Filters.Keys.Where(d => !MetricSupport.Supports(metric, d, breakdown: false)).Cast<Dimension?>().FirstOrDefault();
}
