using Microsoft.EntityFrameworkCore;
using RevBot.Core.Domain;
using RevBot.Core.Storage;

namespace RevBot.Slack.Conversations;

/// <summary>
/// Claims a Slack event_id in inbound_deliveries before it is processed. The primary key is the lock: a retry that reaches
/// this or another instance fails the insert and is skipped.
/// </summary>
internal static class SlackDeliveryClaim
{
    public const string Platform = "slack";

    /// <returns>True when this call claimed the delivery; false when it was already taken.</returns>
    public static async Task<bool> TryClaimAsync(RevBotDb db, string deliveryId, DateTime now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var row = new InboundDelivery { Platform = Platform, DeliveryId = deliveryId, ReceivedAt = now };
        db.InboundDeliveries.Add(row);
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            // The providers' duplicate-key errors differ; a row that now exists is the provider-neutral proof. Anything
            // else (the database is down) is a real failure and goes up to be logged.
            if (await db.InboundDeliveries.AsNoTracking().AnyAsync(d => d.Platform == Platform && d.DeliveryId == deliveryId, ct)) return false;
            throw;
        }
        finally
        {
            // The claim is a one-off insert: untracked, the same context can claim (or retry) another delivery.
            db.Entry(row).State = EntityState.Detached;
        }
    }
}
