using RevBot.Core.Domain;

namespace RevBot.Core.Chat;

/// <summary>
/// A platform delivery already taken (a Slack event_id, a Teams activity id). Inserting the key is the claim: the
/// primary key makes a retry that reaches another instance a no-op.
/// </summary>
public sealed class InboundDelivery
{
    /// <summary>The <c>delivery_id</c> column's size; the edges refuse a longer id before it is claimed.</summary>
    public const int MaxIdLength = 200;

    public required ChatPlatform Platform { get; set; }
    public required string DeliveryId { get; set; }
    public DateTime ReceivedAt { get; set; }
}
