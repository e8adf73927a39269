namespace RevBot.Core.Outbox;

/// <summary>How one send attempt ended, and so what the dispatcher does with the row.</summary>
public enum OutboxSendStatus
{
    /// <summary>Posted: the row gets <c>sent_at</c>.</summary>
    Sent,

    /// <summary>A passing failure (network, 5xx, 429): try again after the platform's Retry-After or the backoff.</summary>
    RetryLater,

    /// <summary>The place is gone (archived or deleted channel, bot removed, user unreachable): never retried; the
    /// <see cref="IOutboxGoneHandler"/>s hear about it.</summary>
    Gone,

    /// <summary>The platform refused the message itself (invalid blocks, bad token): never retried, logged as an error.</summary>
    Failed,
}
