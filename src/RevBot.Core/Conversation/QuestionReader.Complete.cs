using RevBot.Core.Answers;
using RevBot.Core.Metrics;
using RevBot.Core.Periods;

namespace RevBot.Core.Conversation;

/// <summary>Defaults, trends, comparisons and the deal-type filter: the finishing of a question the parser understood.</summary>
internal sealed partial class QuestionReader
{
    private ParsedQuestion Complete(ParsedQuestion q, string? metric, Slots slots, ListShape list, bool isFollowUp)
    {
        var period = slots.Period;
        var isDefault = false;
        if (list.IsList && !list.IsDealList && list.GroupBy is not null && metric is null && !isFollowUp)
            metric = list.GroupBy == Dimension.Account ? MetricIds.Arr : MetricIds.Bookings;
        var trend = slots.Trend || slots.TrendGrain is not null || ChartIsTrend(slots, list);
        var grain = slots.TrendGrain;
        if (!isFollowUp && period is null)
        {
            if (trend)
            {
                grain ??= PeriodGrain.Month;
                period = resolver.LastCompleted(grain.Value, DefaultTrendLength(grain.Value));
            }
            else if (list.IsDealList)
            {
                period = list.Upcoming ? UpcomingRenewalPeriod() : list.DealKind == DealListKind.Open ? null : resolver.Offset(PeriodGrain.Quarter, 0);
            }
            else if (metric is not null)
            {
                period = DefaultPeriod(metric);
            }
            isDefault = period is not null;
        }
        int? trendPeriods = null;
        if (trend && period is not null)
        {
            grain ??= AutoGrain(period);
            period = period with { Grain = grain.Value };
            trendPeriods = CountUnits(period, grain.Value);
        }
        // "bookings growth" compares with the period before; net new ARR is itself the growth.
        if (slots.ComparisonKind is null && slots.ComparisonPeriod is null && metric is not null && metric != MetricIds.NetNewArr
            && spans.Any(s => s.Cues.Any(c => c is { Kind: Lexicon.CueKind.Concept, Value: "grow" })) && !(reading?.Evidence.Any(e => e.Cues.Any(c => c.Value == "grow")) ?? false))
            slots = slots with { ComparisonKind = ComparisonKind.PreviousPeriod };
        var (kind, compared) = Compare(period, slots);
        var filters = new Dictionary<Dimension, string>(slots.Filters);
        // Renewal and expansion rates are about their type already; metrics computed over deals are filtered by it.
        var measured = metric is not null && MetricCatalog.TryGet(metric, out var m) ? m : null;
        if (slots.DealType is { } type && !slots.DealTypeUsed && measured?.DealType is null
            && (measured?.TakesDealType == true || list.IsDealList || (metric is null && isFollowUp)))
            filters[Dimension.Type] = type.Value;
        var higherIsBetter = metric is null || !MetricCatalog.TryGet(metric, out var def) || def.HigherIsBetter;
        var ascending = list.Direction switch
        {
            "asc" => true,
            "best" => !higherIsBetter,
            "worst" => higherIsBetter,
            _ => false,
        };
        return q with
        {
            Intent = list.IsList ? Intent.List : Intent.Metric,
            Metric = list.IsDealList ? null : metric,
            Period = period,
            PeriodIsDefault = isDefault,
            Comparison = kind,
            ComparisonPeriod = compared,
            Filters = filters,
            Conditions = slots.Sets.Count == 0 && slots.Amount is null ? QueryConditions.None : new QueryConditions { Sets = slots.Sets, Amount = slots.Amount },
            GroupBy = list.IsList && !list.IsDealList ? list.GroupBy : slots.GroupBy,
            Limit = list.Limit,
            Ascending = ascending,
            ListSubject = !list.IsList ? null : list.IsDealList ? ListSubject.Deals : list.GroupBy is null ? null : ListSubject.Groups,
            DealListKind = list.DealKind,
            TrendGrain = trend ? grain : null,
            TrendPeriods = trendPeriods,
            IsFollowUp = isFollowUp,
            Chart = slots.Chart,
        };
    }

    /// <summary>The one default-period rule (<see cref="DefaultPeriods.For"/>); "every open deal" stays unstated here.</summary>
    private Period? DefaultPeriod(string metric)
    {
        var period = DefaultPeriods.For(MetricCatalog.Get(metric), resolver);
        return period == Period.AllTime ? null : period;
    }

    private static int DefaultTrendLength(PeriodGrain grain) => grain switch
    {
        PeriodGrain.Day => 30,
        PeriodGrain.Week => 12,
        PeriodGrain.Month => 12,
        PeriodGrain.Quarter => 4,
        PeriodGrain.Half => 4,
        _ => 3,
    };

    /// <summary>A trend's points when the question names none: the period's own unit if it spans several, else by length.</summary>
    private PeriodGrain AutoGrain(Period period)
    {
        if (period.Grain is PeriodGrain.Week or PeriodGrain.Month or PeriodGrain.Quarter or PeriodGrain.Half or PeriodGrain.Year && CountUnits(period, period.Grain) >= 2)
            return period.Grain;
        return period.Days switch
        {
            <= 31 => PeriodGrain.Day,
            <= 120 => PeriodGrain.Week,
            <= 731 => PeriodGrain.Month,
            _ => PeriodGrain.Quarter,
        };
    }

    private int CountUnits(Period period, PeriodGrain grain)
    {
        var count = 0;
        for (var start = resolver.Fiscal.StartOf(grain, period.Start); start <= period.End; start = FiscalCalendar.Add(grain, start, 1))
            count++;
        return count;
    }

    /// <summary>
    /// "vs last quarter" is the previous period when it is the unit before the question's; "vs last year" is the same
    /// period last year; any other period is an explicit comparison. A kind alone ("YoY") gets its dates when the
    /// question's period is known.
    /// </summary>
    private (ComparisonKind? Kind, Period? Compared) Compare(Period? period, Slots slots)
    {
        var fiscal = resolver.Fiscal;
        if (slots.ComparisonPeriod is { } explicitly)
        {
            var lastYear = resolver.Offset(PeriodGrain.Year, -1);
            if (period is null)
            {
                if (Same(explicitly, lastYear))
                    return (ComparisonKind.SameLastYear, null);
                foreach (var unit in (ReadOnlySpan<PeriodGrain>)[PeriodGrain.Quarter, PeriodGrain.Month, PeriodGrain.Week, PeriodGrain.Half])
                {
                    if (Same(explicitly, resolver.Offset(unit, -1)))
                        return (ComparisonKind.PreviousPeriod, null);
                }
                return (null, explicitly);
            }
            var previous = PeriodMath.Previous(period, fiscal, language);
            var sameLastYear = PeriodMath.SameLastYear(period, fiscal, language);
            if (Same(explicitly, sameLastYear) || Same(explicitly, lastYear))
                return (ComparisonKind.SameLastYear, sameLastYear);
            // "QTD vs last quarter" compares like with like: the same number of days of last quarter.
            if (Same(explicitly, previous) || (period.ToDate && period.Grain is not (PeriodGrain.Custom or PeriodGrain.Day) && Same(explicitly, resolver.Offset(period.Grain, -1))))
                return (ComparisonKind.PreviousPeriod, previous);
            return (null, explicitly);
        }
        if (slots.ComparisonKind is { } kind && period is not null)
            return (kind, kind == ComparisonKind.PreviousPeriod ? PeriodMath.Previous(period, fiscal, language) : PeriodMath.SameLastYear(period, fiscal, language));
        return (slots.ComparisonKind, null);
    }

    private static bool Same(Period a, Period b) => a.Start == b.Start && a.End == b.End;
}
