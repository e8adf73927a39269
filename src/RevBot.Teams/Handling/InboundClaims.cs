using Microsoft.EntityFrameworkCore;
using RevBot.Core.Domain;
using RevBot.Core.Storage;

namespace RevBot.Teams.Handling;

/// <summary>
/// Teams retries an activity it thinks was not delivered, possibly to another instance. Inserting the activity id
/// into inbound_deliveries is the claim: the primary key lets exactly one insert win, whichever instance it runs on.
/// </summary>
internal static class InboundClaims
{
    public const string Platform = "teams";

    /// <summary>True if this call claimed the delivery; false if it was already taken (a replay).</summary>
    public static async Task<bool> TryClaimAsync(RevBotDb db, string deliveryId, DateTime utcNow, CancellationToken ct)
    {
        db.InboundDeliveries.Add(new InboundDelivery { Platform = Platform, DeliveryId = deliveryId, ReceivedAt = utcNow });
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            // Only a row that is really there means "already processed"; any other failure (database down) must surface.
            if (await db.InboundDeliveries.AnyAsync(d => d.Platform == Platform && d.DeliveryId == deliveryId, ct)) return false;
            throw;
        }
    }
}
