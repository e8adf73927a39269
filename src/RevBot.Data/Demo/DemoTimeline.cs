namespace RevBot.Data.Demo;

/// <summary>
/// The demo's calendar: "now" is the start of the as-of day (UTC), the history covers the two years before it,
/// and quarters follow the company's fiscal year.
/// </summary>
internal sealed class DemoTimeline(DateOnly asOf, int fiscalYearStartMonth)
{
    public const int HistoryDays = 730;

    public DateOnly AsOf { get; } = asOf;

    public DateTime Now { get; } = asOf.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    public DateTime HistoryStart => Now.AddDays(-HistoryDays);

    public int CurrentQuarter => QuarterOf(AsOf);

    /// <summary>Quarters counted from year 0, so consecutive quarters have consecutive numbers.</summary>
    public int QuarterOf(DateOnly day) => ((day.Year * 12) + day.Month - fiscalYearStartMonth) / 3;

    public DateOnly QuarterStart(int quarter)
    {
        var month = (quarter * 3) + fiscalYearStartMonth - 1;
        return new DateOnly(month / 12, (month % 12) + 1, 1);
    }

    /// <summary>The quarter's last day (periods are stored with inclusive ends).</summary>
    public DateOnly QuarterEnd(int quarter) => QuarterStart(quarter + 1).AddDays(-1);

    public static DateOnly Day(DateTime t) => DateOnly.FromDateTime(t);

    public static DateTime StartOf(DateOnly day) => day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    /// <summary>Whole seconds, UTC: what a CRM export carries.</summary>
    public static DateTime Seconds(DateTime t) => new(t.Ticks - (t.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
}
