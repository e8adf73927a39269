namespace RevBot.Core.Conversation;

/// <summary>
/// A question put on a schedule, as read from a sentence ("every Monday at 9 send me my pipeline by stage"): the
/// question's own words and reading, when (a five-field cron, read in the subscriber's or the channel's time zone
/// unless <see cref="TimeZone"/> names one), to whom, and the options. <see cref="Problem"/> names what could not be
/// read ("other" in "every other Friday"): then nothing is scheduled.
/// </summary>
public sealed record ScheduleSentence
{
    /// <summary>The question asked at each run, as typed ("my pipeline by stage").</summary>
    public required string Question { get; init; }

    /// <summary>How the question reads today; its period is read afresh at each run ("this quarter" is the run's quarter).</summary>
    public required ParsedQuestion Inner { get; init; }

    /// <summary>Minute hour day-of-month month day-of-week: "0 9 * * 1", "0 8 1 * *", "0 9 L * *".</summary>
    public required string Cron { get; init; }

    /// <summary>An IANA zone the sentence named ("Europe/Madrid"), else null.</summary>
    public string? TimeZone { get; init; }

    public ScheduleTarget Target { get; init; } = ScheduleTarget.Me;

    /// <summary>"only if it changed", "solo si cambia": a run whose answer equals the last one sent sends nothing.</summary>
    public bool OnlyIfChanged { get; init; }

    /// <summary>"skip if empty", "omitir si está vacío": a run whose answer has nothing in it sends nothing.</summary>
    public bool SkipIfEmpty { get; init; }

    /// <summary>The words that stop it being scheduled as written ("every other", "quarterly", "31st"), as typed.</summary>
    public string? Problem { get; init; }
}

/// <summary>Who a scheduled question goes to.</summary>
public enum ScheduleTarget
{
    /// <summary>The asker, by direct message ("send me", "envíame"; also when the sentence names no one).</summary>
    Me,

    /// <summary>The channel it was asked in ("post … here", "publica … aquí", "in this channel").</summary>
    Here,
}
