using RevBot.Core.Chat;
using RevBot.Core.Domain;
using RevBot.Core.Storage;

namespace RevBot.Slack.App.Conversations;

/// <summary>
/// Claims a Slack event_id in inbound_deliveries before it is processed. The primary key is the lock: a retry that reaches
/// this or another instance inserts nothing and is skipped.
/// </summary>
internal static class SlackDeliveryClaim
{
    /// <returns>True when this call claimed the delivery; false when it was already taken.</returns>
    public static Task<bool> TryClaimAsync(RevBotDb db, string deliveryId, DateTime now, CancellationToken ct) =>
        InboundDeliveryClaims.TryClaimAsync(db, ChatPlatform.Slack, deliveryId, now, ct);
}
