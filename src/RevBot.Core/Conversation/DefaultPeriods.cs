using RevBot.Core.Localization;
using RevBot.Core.Metrics;
using RevBot.Core.Periods;

namespace RevBot.Core.Conversation;

/// <summary>
/// The periods a question did not state. Flow metrics use this (fiscal) quarter; ARR, MRR and customers the as-of day;
/// pipeline with no period means every open deal. Comparisons default to the previous period, like for like while the
/// period is in progress, and for a point-in-time metric on the as-of day to the end of the previous quarter.
/// </summary>
public static class DefaultPeriods
{
    public static bool IsOpenPipeline(string metric) => MetricCatalog.TryGet(metric, out var def) && def.IsOpenPipeline;

    public static Period For(MetricDefinition def, PeriodResolver resolver)
    {
        ArgumentNullException.ThrowIfNull(def);
        ArgumentNullException.ThrowIfNull(resolver);
        if (def.IsOpenPipeline) return Period.AllTime;
        return def.PointInTime ? resolver.Day(resolver.AsOf) : resolver.Offset(PeriodGrain.Quarter, 0);
    }

    /// <summary>What an all-time pipeline answer shows as its period: the day the open deals were counted.</summary>
    public static Period OpenPipelineDisplay(PeriodResolver resolver)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        var day = resolver.Day(resolver.AsOf);
        return day with { Label = Texts.Get(resolver.Language, nameof(Catalog.PeriodOpenAsOf), day.Label), LabelForm = PeriodLabelForm.OpenAsOf };
    }

    /// <summary>
    /// What an answer measures and compares it with. A period in progress is measured so far and compared like for like
    /// (<see cref="PeriodMath.LikeForLike"/>, the digests' rule): "this quarter" asked on Dec 6 is Oct 1 – Dec 6 against
    /// the first 67 days of Q3. An explicit whole comparison period of the same kind ("vs Q2") is cut the same way.
    /// Metrics measured against the whole period (<see cref="MetricComparison.WholePeriodOnly"/>) are never cut, and
    /// get no automatic comparison while their period runs: there is no fair one.
    /// </summary>
    public static (Period Current, Period? Comparison) Comparison(ParsedQuestion q, MetricDefinition def, Period period, PeriodResolver resolver)
    {
        ArgumentNullException.ThrowIfNull(q);
        ArgumentNullException.ThrowIfNull(def);
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(resolver);
        var fiscal = resolver.Fiscal;
        var language = resolver.Language;
        if (!period.HasStart || !period.HasEnd) return (period, q.ComparisonPeriod);
        var whole = MetricComparison.WholePeriodOnly(def);
        var current = whole ? period : PeriodMath.SoFar(period, resolver.AsOf, fiscal, language);
        switch (q.Comparison)
        {
            case ComparisonKind.SameLastYear: return (current, PeriodMath.SameLastYear(current, fiscal, language));
            case ComparisonKind.PreviousPeriod: return (current, PeriodMath.Previous(current, fiscal, language));
        }
        if (q.ComparisonPeriod is { } explicitPeriod) return (current, SamePoint(explicitPeriod, current, period, fiscal, language));
        // Open deals cannot be reconstructed for a past day, so an open-pipeline number has no automatic comparison.
        if (def.IsOpenPipeline) return (period, null);
        if (def.PointInTime && period.Start == period.End)
        {
            var quarterStart = fiscal.StartOf(PeriodGrain.Quarter, period.End);
            return (period, resolver.Day(quarterStart.AddDays(-1)));
        }
        if (whole && PeriodMath.InProgress(period, resolver.AsOf)) return (period, null);
        return (current, PeriodMath.Previous(current, fiscal, language));
    }

    /// <summary>"This quarter vs Q2": when the question's period was cut to date, a whole unit of its kind is cut to as many days.</summary>
    private static Period SamePoint(Period compared, Period current, Period asked, FiscalCalendar fiscal, string language)
    {
        if (current == asked || asked.Grain is PeriodGrain.Custom or PeriodGrain.Day || !fiscal.IsStartOf(asked.Grain, compared.Start)
            || FiscalCalendar.Add(asked.Grain, compared.Start, 1).AddDays(-1) != compared.End)
            return compared;
        return PeriodMath.FirstDaysOf(compared, current.Days, fiscal, language);
    }
}
