using Microsoft.EntityFrameworkCore;
using RevBot.Core.Storage;

namespace RevBot.Data.Storage;

/// <summary>
/// PostgreSQL's closed-deal rollup (the ClosedDealDays migration) counts days in the time zones registered with it;
/// the metric engine reads it only for the company's zone, so the host registers that zone at start. Registering a
/// new zone fills it in once (seconds on a million deals, writers waiting); an already registered zone costs one read.
/// </summary>
public static class ClosedDealRollup
{
    /// <returns>True when the zone was new and has just been filled in; false when it was kept already, or on SQLite (no rollup).</returns>
    public static async Task<bool> KeepZoneAsync(RevBotDb db, string timeZone, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentException.ThrowIfNullOrWhiteSpace(timeZone);
        if (!db.Database.IsNpgsql()) return false;
        var added = await db.Database.SqlQuery<bool>($"SELECT closed_deal_days_add_zone({timeZone}) AS \"Value\"").ToListAsync(ct);
        return added[0];
    }
}
