namespace RevBot.Core.Alerts.Delivery;

/// <summary>
/// When a direct message may go out: at once outside the recipient's quiet hours, else when they end (their local
/// morning). The window may wrap midnight (20:00-08:00) or not (12:00-13:00); equal ends mean no quiet hours.
/// </summary>
public static class QuietHours
{
    public static DateTime Release(DateTime utcNow, TimeZoneInfo zone, TimeOnly start, TimeOnly end)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (start == end) return utcNow;
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utcNow, DateTimeKind.Utc), zone);
        var time = TimeOnly.FromDateTime(local);
        var wraps = start > end;
        var quiet = wraps ? time >= start || time < end : time >= start && time < end;
        if (!quiet) return utcNow;
        // The morning that ends this quiet spell: today if it is already past midnight, else tomorrow.
        var day = DateOnly.FromDateTime(local);
        if (wraps && time >= start) day = day.AddDays(1);
        var morning = day.ToDateTime(end, DateTimeKind.Unspecified);
        // A morning that falls in a daylight-saving gap does not exist: take the hour after.
        if (zone.IsInvalidTime(morning)) morning = morning.AddHours(1);
        return TimeZoneInfo.ConvertTimeToUtc(morning, zone);
    }

    /// <summary>The user's zone when it is a known IANA id, else the company's.</summary>
    public static TimeZoneInfo ZoneFor(string? userZone, TimeZoneInfo company)
    {
        if (string.IsNullOrWhiteSpace(userZone)) return company;
        return TimeZoneInfo.TryFindSystemTimeZoneById(userZone, out var zone) ? zone : company;
    }
}
