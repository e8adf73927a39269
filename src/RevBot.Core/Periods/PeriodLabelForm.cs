namespace RevBot.Core.Periods;

/// <summary>
/// Which shape a period's label took where the period was made, so a sentence can put the right words around it
/// without reading the label: "for Q4 2026", "since Oct 1, 2026" (no "for"), "for the week of Nov 23, 2026", "open as of …".
/// </summary>
public enum PeriodLabelForm
{
    /// <summary>A name read after "for"/"in": "Q4 2026", "October 2026", "Oct – Dec 2026", "Q4 2026 to date", "the first 67 days of Q3 2026".</summary>
    Named,

    /// <summary>One day: "Nov 27, 2026".</summary>
    Day,

    /// <summary>Two days: "Oct 29 – Nov 27, 2026".</summary>
    Range,

    /// <summary>"since Oct 1, 2026": carries its own preposition.</summary>
    Since,

    /// <summary>"week of Nov 23, 2026": read with an article ("the week of …").</summary>
    WeekOf,

    /// <summary>"week of Nov 23, 2026 to date": a week cut at the as-of day, read like <see cref="WeekOf"/>.</summary>
    WeekOfToDate,

    /// <summary>"open as of Nov 27, 2026": the open pipeline counted on a day; carries its own preposition.</summary>
    OpenAsOf,
}
