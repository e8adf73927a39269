namespace RevBot.Core.Periods;

/// <summary>
/// An inclusive range of company-local calendar days with the label a person reads ("Q4 2026", "last 30 days").
/// <see cref="ToDate"/> marks a period cut at the as-of day (QTD, MTD, YTD, "this quarter so far"); <see cref="LabelForm"/>
/// says which shape the label took (set where the period is made, by <see cref="PeriodLabels"/>), so sentences never
/// read the label's words.
/// </summary>
public sealed record Period(DateOnly Start, DateOnly End, string Label, PeriodGrain Grain = PeriodGrain.Custom, bool ToDate = false,
    PeriodLabelForm LabelForm = PeriodLabelForm.Named)
{
    public int Days => End.DayNumber - Start.DayNumber + 1;

    public bool Contains(DateOnly day) => day >= Start && day <= End;

    public static Period Day(DateOnly day, string label) => new(day, day, label, PeriodGrain.Day, LabelForm: PeriodLabelForm.Day);

    /// <summary>A period labelled by <see cref="PeriodLabels.Label"/>: its text and its form.</summary>
    public static Period Labelled(DateOnly start, DateOnly end, PeriodLabel label, PeriodGrain grain, bool toDate = false) =>
        new(start, end, label.Text, grain, toDate, label.Form);

    /// <summary>No bounds: "all open deals", "bookings ever". Either end alone may also be open (MinValue / MaxValue).</summary>
    public static Period AllTime { get; } = new(DateOnly.MinValue, DateOnly.MaxValue, "all time");

    public bool HasStart => Start != DateOnly.MinValue;

    public bool HasEnd => End != DateOnly.MaxValue;
}
