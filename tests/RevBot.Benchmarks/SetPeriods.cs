namespace RevBot.Benchmarks;

/// <summary>A half-open span of days [From, To).</summary>
internal readonly record struct Span(DateOnly From, DateOnly To);

/// <summary>
/// The periods the question set names, as the engine resolves them on the as-of day: a period in progress runs to the
/// as-of day and is compared with the same number of days of the period before (docs/metrics.md, Comparisons).
/// </summary>
internal sealed class SetPeriods(DateOnly asOf)
{
    public DateOnly AsOf { get; } = asOf;
    private DateOnly Tomorrow => AsOf.AddDays(1);
    public DateOnly QuarterStart { get; } = new(asOf.Year, ((asOf.Month - 1) / 3 * 3) + 1, 1);
    private DateOnly YearStart => new(AsOf.Year, 1, 1);
    private DateOnly MonthStart => new(AsOf.Year, AsOf.Month, 1);

    public Span Quarter => new(QuarterStart, Tomorrow);
    public Span QuarterBefore => SamePoint(QuarterStart.AddMonths(-3), QuarterStart);
    public Span LastQuarter => new(QuarterStart.AddMonths(-3), QuarterStart);
    public Span QuarterBeforeLast => new(QuarterStart.AddMonths(-6), QuarterStart.AddMonths(-3));
    public Span WholeQuarter => new(QuarterStart, QuarterStart.AddMonths(3));
    public Span Year => new(YearStart, Tomorrow);
    public Span YearBefore => SamePoint(YearStart.AddYears(-1), YearStart);
    public Span LastYear => new(YearStart.AddYears(-1), YearStart);
    public Span YearBeforeLast => new(YearStart.AddYears(-2), YearStart.AddYears(-1));
    public Span Month => new(MonthStart, Tomorrow);
    public Span MonthBefore => SamePoint(MonthStart.AddMonths(-1), MonthStart);

    private Span SamePoint(DateOnly previousStart, DateOnly start)
    {
        var end = previousStart.AddDays(Tomorrow.DayNumber - start.DayNumber);
        return new(previousStart, end < start ? end : start);
    }
}
