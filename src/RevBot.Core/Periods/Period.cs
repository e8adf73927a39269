namespace RevBot.Core.Periods;

/// <summary>
/// An inclusive range of company-local calendar days with the label a person reads ("Q4 2026", "last 30 days").
/// <see cref="ToDate"/> marks a period cut at the as-of day (QTD, MTD, YTD, "this quarter so far").
/// </summary>
public sealed record Period(DateOnly Start, DateOnly End, string Label, PeriodGrain Grain = PeriodGrain.Custom, bool ToDate = false)
{
    public int Days => End.DayNumber - Start.DayNumber + 1;

    public bool Contains(DateOnly day) => day >= Start && day <= End;

    public static Period Day(DateOnly day, string label) => new(day, day, label, PeriodGrain.Day);

    /// <summary>No bounds: "all open deals", "bookings ever". Either end alone may also be open (MinValue / MaxValue).</summary>
    public static Period AllTime { get; } = new(DateOnly.MinValue, DateOnly.MaxValue, "all time");

    public bool HasStart => Start != DateOnly.MinValue;

    public bool HasEnd => End != DateOnly.MaxValue;
}
