namespace RevBot.Core.ForecastCalls;

/// <summary>
/// One week's forecast call for one team (<c>forecast_calls</c>): opened by its schedule's slot (the digest scheduler
/// claimed the slot, so one instance opens it once), then a reminder and a roll-up, each sent by the one instance whose
/// <c>UPDATE … WHERE reminded_at IS NULL</c> (or <c>rolled_up_at</c>) matched. Submissions are forecast snapshots
/// pointing here.
/// </summary>
public sealed class ForecastCall
{
    public long Id { get; set; }

    /// <summary>The <c>digest_schedules</c> row (kind "forecast_call") whose slot opened it.</summary>
    public long ScheduleId { get; set; }

    public required string Team { get; set; }

    /// <summary>The schedule's IANA time zone: deadlines are shown in it.</summary>
    public required string TimeZone { get; set; }

    /// <summary>The slot, UTC: the call's week is the week this falls in.</summary>
    public DateTime OpenedAt { get; set; }

    /// <summary>The fiscal quarter being called.</summary>
    public DateOnly PeriodStart { get; set; }
    public DateOnly PeriodEnd { get; set; }

    public DateTime RemindAt { get; set; }

    /// <summary>Reps' calls are refused after this; the managers' roll-up goes out at it.</summary>
    public DateTime DeadlineAt { get; set; }

    /// <summary>Managers' team calls are refused after this.</summary>
    public DateTime ManagerDeadlineAt { get; set; }

    public DateTime? RemindedAt { get; set; }
    public DateTime? RolledUpAt { get; set; }
}
