using RevBot.Core.Chat;
using RevBot.Core.Domain;
using RevBot.Core.Storage;

namespace RevBot.Teams.App.Conversations;

/// <summary>
/// Teams retries an activity it thinks was not delivered, possibly to another instance. Inserting the activity id
/// into inbound_deliveries is the claim: the primary key lets exactly one insert win, whichever instance it runs on.
/// </summary>
internal static class InboundClaims
{
    /// <summary>True if this call claimed the delivery; false if it was already taken (a replay).</summary>
    public static Task<bool> TryClaimAsync(RevBotDb db, string deliveryId, DateTime utcNow, CancellationToken ct) =>
        InboundDeliveryClaims.TryClaimAsync(db, ChatPlatform.Teams, deliveryId, utcNow, ct);
}
