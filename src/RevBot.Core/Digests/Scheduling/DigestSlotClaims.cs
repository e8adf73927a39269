using Microsoft.EntityFrameworkCore;
using RevBot.Core.Storage;

namespace RevBot.Core.Digests.Scheduling;

/// <summary>
/// Claims digest slots with one INSERT … ON CONFLICT DO NOTHING on the (schedule, slot) key: of several instances
/// trying the same slot at the same moment, exactly one inserts the row (PostgreSQL's unique index decides; SQLite is
/// single-instance). No exception is raised or logged for the losers: they see 0 rows.
/// </summary>
internal static class DigestSlotClaims
{
    public static async Task<bool> TryClaimAsync(RevBotDb db, long scheduleId, DateTimeOffset slot, string outcome, DateTime now, CancellationToken ct)
    {
        var slotAt = slot.UtcDateTime;
        var inserted = await db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO digest_slot_claims (schedule_id, slot_at, claimed_at, outcome) VALUES ({scheduleId}, {slotAt}, {now}, {outcome}) ON CONFLICT DO NOTHING", ct);
        return inserted == 1;
    }

    public static Task SetOutcomeAsync(RevBotDb db, long scheduleId, DateTimeOffset slot, string outcome, CancellationToken ct)
    {
        var slotAt = slot.UtcDateTime;
        return db.DigestSlotClaims.Where(c => c.ScheduleId == scheduleId && c.SlotAt == slotAt).ExecuteUpdateAsync(s => s.SetProperty(c => c.Outcome, outcome), ct);
    }
}
