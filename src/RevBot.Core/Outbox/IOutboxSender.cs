using RevBot.Core.Domain;
using RevBot.Core.Replies;

namespace RevBot.Core.Outbox;

/// <summary>
/// Sends one outbox message through one platform (Slack, Teams). The dispatcher picks the sender by
/// <see cref="Platform"/>, deserializes the payload and reports the outcome back to the row: it never throws for a
/// platform's answer, only for a bug.
/// </summary>
public interface IOutboxSender
{
    ChatPlatform Platform { get; }

    Task<OutboxSendResult> SendAsync(OutboxMessage message, Reply reply, CancellationToken ct);
}
