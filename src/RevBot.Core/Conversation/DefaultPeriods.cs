using RevBot.Core.Metrics;
using RevBot.Core.Periods;

namespace RevBot.Core.Conversation;

/// <summary>
/// The periods a question did not state. Flow metrics use this (fiscal) quarter; ARR, MRR and customers the as-of day;
/// pipeline with no period means every open deal. Comparisons default to the previous period, and for a point-in-time
/// metric on the as-of day to the end of the previous quarter ("up from $11.9M at the end of Q3").
/// </summary>
public static class DefaultPeriods
{
    public static bool IsOpenPipeline(string metric) => metric is "pipeline" or "weighted_pipeline";

    public static Period For(MetricDefinition def, PeriodResolver resolver)
    {
        ArgumentNullException.ThrowIfNull(def);
        ArgumentNullException.ThrowIfNull(resolver);
        if (IsOpenPipeline(def.Id)) return Period.AllTime;
        return def.PointInTime ? resolver.Day(resolver.AsOf) : resolver.Offset(PeriodGrain.Quarter, 0);
    }

    /// <summary>What an all-time pipeline answer shows as its period: the day the open deals were counted.</summary>
    public static Period OpenPipelineDisplay(PeriodResolver resolver)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        var day = resolver.Day(resolver.AsOf);
        return day with { Label = resolver.Language == "es" ? $"abiertos a {day.Label}" : $"open as of {day.Label}" };
    }

    public static Period? Comparison(ParsedQuestion q, MetricDefinition def, Period period, PeriodResolver resolver)
    {
        ArgumentNullException.ThrowIfNull(q);
        ArgumentNullException.ThrowIfNull(def);
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(resolver);
        if (q.ComparisonPeriod is { } explicitPeriod) return explicitPeriod;
        if (!period.HasStart || !period.HasEnd) return null;
        var fiscal = resolver.Fiscal;
        var language = resolver.Language;
        switch (q.Comparison)
        {
            case ComparisonKind.SameLastYear: return PeriodMath.SameLastYear(period, fiscal, language);
            case ComparisonKind.PreviousPeriod: return PeriodMath.Previous(period, fiscal, language);
        }
        // Open deals cannot be reconstructed for a past day, so an open-pipeline number has no automatic comparison.
        if (IsOpenPipeline(def.Id)) return null;
        if (def.PointInTime && period.Start == period.End)
        {
            var quarterStart = fiscal.StartOf(PeriodGrain.Quarter, period.End);
            return resolver.Day(quarterStart.AddDays(-1));
        }
        return PeriodMath.Previous(period, fiscal, language);
    }
}
