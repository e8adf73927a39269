using RevBot.Core.Periods;

namespace RevBot.Core.Digests;

/// <summary>
/// The periods a digest built on <see cref="AsOf"/> reports: last whole week and the one before, the quarter to date
/// and the same number of days from the previous quarter's start, the whole quarter, and the weeks of the quarter
/// so far (cut to the quarter and the as-of day) for the bookings chart. Built with the same resolver the questions
/// use, so "bookings last week" asked on the same day means the same dates.
/// </summary>
internal sealed class DigestPeriods
{
    public DigestPeriods(DateOnly asOf, FiscalCalendar fiscal, string language)
    {
        AsOf = asOf;
        var resolver = new PeriodResolver(asOf, fiscal, language);
        Week = resolver.Offset(PeriodGrain.Week, -1);
        PreviousWeek = PeriodMath.Previous(Week, fiscal, language);
        Quarter = resolver.Offset(PeriodGrain.Quarter, 0);
        // The same like-for-like rule as the answers' ("bookings this quarter" asked today compares the same dates).
        PreviousQuarterToDate = PeriodMath.LikeForLike(Quarter, asOf, fiscal, language).Previous;
        QuarterToDate = resolver.ToDate(PeriodGrain.Quarter);
        Next90Days = resolver.Upcoming(PeriodGrain.Day, 90);
        var weeks = new List<Period>();
        for (var start = fiscal.StartOf(PeriodGrain.Week, Quarter.Start); start <= asOf; start = start.AddDays(7))
        {
            var from = start < Quarter.Start ? Quarter.Start : start;
            var to = start.AddDays(6) < asOf ? start.AddDays(6) : asOf;
            weeks.Add(resolver.Make(from, to, PeriodGrain.Custom));
        }
        QuarterWeeks = weeks;
    }

    public DateOnly AsOf { get; }
    public Period Week { get; }
    public Period PreviousWeek { get; }
    public Period QuarterToDate { get; }
    public Period PreviousQuarterToDate { get; }
    public Period Quarter { get; }
    public Period Next90Days { get; }
    public IReadOnlyList<Period> QuarterWeeks { get; }

    public Period For(DigestScope scope) => scope switch
    {
        DigestScope.Week => Week,
        DigestScope.QuarterToDate => QuarterToDate,
        _ => Quarter,
    };

    /// <summary>The comparison of a scope; none for the whole quarter (open deals cannot be seen as they were).</summary>
    public Period? PreviousFor(DigestScope scope) => scope switch
    {
        DigestScope.Week => PreviousWeek,
        DigestScope.QuarterToDate => PreviousQuarterToDate,
        _ => null,
    };
}
