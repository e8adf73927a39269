using Microsoft.EntityFrameworkCore;
using RevBot.Core.Company;
using RevBot.Core.Domain;
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
        // Per status, so each minimum is read from the (status, closed_at) index rather than a scan.
        var won = await db.Deals.Where(d => d.Status == DealStatus.Won).MinAsync(d => d.ClosedAt, ct);
        var lost = await db.Deals.Where(d => d.Status == DealStatus.Lost).MinAsync(d => d.ClosedAt, ct);
        var subscribed = await db.Subscriptions.MinAsync(s => (DateOnly?)s.StartDate, ct);
        DateOnly? Local(DateTime? utc) => utc is { } u
            ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(u, DateTimeKind.Utc), clock.Zone))
            : null;
        return new[] { Local(created), Local(won), Local(lost), subscribed }.Where(d => d is not null).Min();
    }
}
