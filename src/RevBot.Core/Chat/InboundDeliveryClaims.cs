using Microsoft.EntityFrameworkCore;
using RevBot.Core.Domain;
using RevBot.Core.Storage;

namespace RevBot.Core.Chat;

/// <summary>
/// Claims a platform delivery (a Slack event_id, a Teams activity id) in <c>inbound_deliveries</c> with one
/// INSERT … ON CONFLICT DO NOTHING on its primary key: of an event and its retry reaching two instances at once, exactly
/// one inserts the row. The platform goes in as its stored text, as the column converter would write it. The loser sees 0 rows, not a duplicate-key error, so a normal retry logs no failed command
/// (both providers take the clause). A database that cannot be reached still throws.
/// </summary>
public static class InboundDeliveryClaims
{
    /// <returns>True when this call claimed the delivery; false when it was already taken.</returns>
    public static async Task<bool> TryClaimAsync(RevBotDb db, ChatPlatform platform, string deliveryId, DateTime utcNow, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var inserted = await db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO inbound_deliveries (platform, delivery_id, received_at) VALUES ({EnumText.Format(platform)}, {deliveryId}, {utcNow}) ON CONFLICT DO NOTHING", ct);
        return inserted == 1;
    }
}
