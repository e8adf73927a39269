namespace RevBot.Core.Outbox;

/// <summary>
/// The outcome of one send: <see cref="MessageId"/> is the platform's id of the posted message (Slack ts, Teams
/// activity id) so it can be updated later; <see cref="RetryAfter"/> is the platform's own wait on a 429.
/// <see cref="Error"/> is short, safe to store and log (never a token).
/// </summary>
public sealed record OutboxSendResult(OutboxSendStatus Status, string? MessageId = null, TimeSpan? RetryAfter = null, string? Error = null)
{
    public static OutboxSendResult Sent(string? messageId) => new(OutboxSendStatus.Sent, messageId);
}
