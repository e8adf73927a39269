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

    /// <summary>A clock whose "today" is <paramref name="day"/> (for "--as-of" questions): noon local, so every zone agrees on the date.</summary>
    public static CompanyClock At(DateOnly day, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var noon = TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Unspecified), zone);
        return new CompanyClock(new PinnedTimeProvider(new DateTimeOffset(noon, TimeSpan.Zero)), zone);
    }

    private sealed class PinnedTimeProvider(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
