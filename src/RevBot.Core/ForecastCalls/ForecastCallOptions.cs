using RevBot.Core.Digests.Timing;
using RevBot.Core.Settings;

namespace RevBot.Core.ForecastCalls;

/// <summary>The weekly forecast call. Section <c>ForecastCalls</c> (docs/configuration.md, docs/forecast-call.md).</summary>
public sealed class ForecastCallOptions : ICheckedOptions
{
    public const string Section = "ForecastCalls";

    /// <summary>One per team that runs the call; none: no call.</summary>
    public List<ForecastCallSchedule> Schedules { get; set; } = [];

    /// <summary>After the call opens, those who have not submitted are reminded.</summary>
    public TimeSpan ReminderAfter { get; set; } = TimeSpan.FromHours(24);

    /// <summary>After the call opens, reps' calls are refused and managers get the roll-up.</summary>
    public TimeSpan Deadline { get; set; } = TimeSpan.FromHours(48);

    /// <summary>After the reps' deadline, managers may still submit their team call this long.</summary>
    public TimeSpan ManagerWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How many open deals (biggest first) a rep's card lists and the form lets them mark in or out of commit.</summary>
    public int MaxDeals { get; set; } = 8;

    public IEnumerable<string> Problems()
    {
        if (ReminderAfter <= TimeSpan.Zero || ReminderAfter >= Deadline)
            yield return $"{Section}:ReminderAfter must be more than zero and less than {Section}:Deadline (it is {ReminderAfter}).";
        if (Deadline <= TimeSpan.Zero || Deadline > TimeSpan.FromDays(6))
            yield return $"{Section}:Deadline must be between 00:00:01 and 6.00:00:00, inside the call's week (it is {Deadline}).";
        if (ManagerWindow < TimeSpan.Zero || Deadline + ManagerWindow > TimeSpan.FromDays(7))
            yield return $"{Section}:ManagerWindow must be 0 or more and end within a week of the call (it is {ManagerWindow}).";
        if (MaxDeals is < 1 or > 20)
            yield return $"{Section}:MaxDeals must be between 1 and 20 (it is {MaxDeals}).";
        for (var i = 0; i < Schedules.Count; i++)
        {
            var s = Schedules[i];
            if (string.IsNullOrWhiteSpace(s.Team) || s.Team.Length > 100)
                yield return $"{Section}:Schedules:{i}:Team must name a team (users.team), at most 100 characters.";
            if (!DigestCron.IsValid(s.Cron))
                yield return $"{Section}:Schedules:{i}:Cron must be five cron fields (\"0 9 * * 1\"); it is \"{s.Cron}\".";
            if (s.TimeZone is { } zone && !TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
                yield return $"{Section}:Schedules:{i}:TimeZone \"{zone}\" is not a known time zone id (IANA, \"Europe/Madrid\").";
        }
        if (Schedules.Select(s => s.Team).Distinct(StringComparer.Ordinal).Count() != Schedules.Count)
            yield return $"{Section}:Schedules names a team twice: one schedule per team.";
    }
}

/// <summary>When a team's call opens: a five-field cron read in <see cref="TimeZone"/> (the company's when null).</summary>
public sealed class ForecastCallSchedule
{
    public string Team { get; set; } = "";
    public string Cron { get; set; } = "0 9 * * 1";
    public string? TimeZone { get; set; }
}
