using Microsoft.EntityFrameworkCore;
using RevBot.Core.Company;
using RevBot.Core.Storage;

namespace RevBot.Core.Metrics;

/// <summary>The company's first day of data: its earliest deal created or closed, or subscription started (company-local).</summary>
public static class DataStart
{
    /// <returns>Null when there is no deal or subscription with a date at all.</returns>
    public static async Task<DateOnly?> FirstDayAsync(RevBotDb db, CompanyClock clock, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(clock);
        var created = await db.Deals.MinAsync(d => d.CreatedAt, ct);
        var closed = await db.Deals.MinAsync(d => d.ClosedAt, ct);
        var subscribed = await db.Subscriptions.MinAsync(s => (DateOnly?)s.StartDate, ct);
        DateOnly? Local(DateTime? utc) => utc is { } u
            ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(u, DateTimeKind.Utc), clock.Zone))
            : null;
        return new[] { Local(created), Local(closed), subscribed }.Where(d => d is not null).Min();
    }
}
