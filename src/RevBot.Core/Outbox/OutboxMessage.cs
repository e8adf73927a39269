using RevBot.Core.Domain;

namespace RevBot.Core.Outbox;

/// <summary>
/// A message to post to a chat channel, written in the same transaction as the change that caused it (a won deal's
/// hand-off, a pricing note) so a crash can neither lose it nor send it for a change that was rolled back. A
/// dispatcher (<see cref="OutboxDispatcher"/>) claims due rows (<c>sent_at IS NULL AND failed_at IS NULL AND
/// available_at &lt;= now</c>, only the oldest unsent row of each conversation, <c>FOR UPDATE SKIP LOCKED</c> on
/// PostgreSQL) by moving
/// <see cref="AvailableAt"/> to the end of a lease and counting the attempt, sends, and sets <see cref="SentAt"/>; a
/// passing failure keeps <see cref="LastError"/> and moves <see cref="AvailableAt"/> to the retry time; a permanent one
/// sets <see cref="FailedAt"/>. See docs/outbox.md.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }

    /// <summary>"handoff.won" or "feedback.pricing".</summary>
    public required string Kind { get; set; }

    public required ChatPlatform Platform { get; set; }

    /// <summary>
    /// The platform's channel id (Slack C…, Teams 19:…@thread…); never a channel's display name. Empty when the message
    /// goes to a person (<see cref="RecipientUserId"/>).
    /// </summary>
    public required string ChannelId { get; set; }

    /// <summary>
    /// For a direct message: the RevBot user it is for. The dispatcher finds their chat identity at send time (Slack
    /// user id, Teams personal conversation), so a user mapped after the message was written still gets it.
    /// </summary>
    public int? RecipientUserId { get; set; }

    /// <summary>JSON of a platform-neutral reply (<see cref="Outbox.ReplyJson"/>), rendered per platform at send time.</summary>
    public required string Payload { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>When the row may be sent next: at first its creation (or a quiet-hours morning), while claimed the end of
    /// the claim's lease, after a passing failure the retry time.</summary>
    public DateTime AvailableAt { get; set; }

    /// <summary>Send attempts started (counted when a dispatcher claims the row).</summary>
    public int Attempts { get; set; }
    public DateTime? SentAt { get; set; }

    /// <summary>The platform's id of the posted message (Slack ts, Teams activity id), to update it later.</summary>
    public string? PlatformMessageId { get; set; }

    /// <summary>Set when the message will never be sent: the platform refused it, or its place is gone (<see cref="Gone"/>).</summary>
    public DateTime? FailedAt { get; set; }

    /// <summary>True when it failed because its channel or person is gone (archived, removed, unknown).</summary>
    public bool Gone { get; set; }
    public string? LastError { get; set; }
}
