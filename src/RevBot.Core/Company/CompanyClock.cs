namespace RevBot.Core.Company;

/// <summary>"Today" in the company's time zone, from an injectable <see cref="TimeProvider"/>.</summary>
public sealed class CompanyClock(TimeProvider time, TimeZoneInfo zone)
{
    public TimeZoneInfo Zone { get; } = zone;

    public DateTime UtcNow => time.GetUtcNow().UtcDateTime;

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(UtcNow, Zone));

    /// <summary>The UTC instant at which a company-local calendar day starts.</summary>
    public DateTime StartOfDayUtc(DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), Zone);
}
