using Microsoft.EntityFrameworkCore;
using RevBot.Core.Chat;
using RevBot.Core.Domain;
using RevBot.Core.Outbox;
using RevBot.Core.Replies;
using RevBot.Core.Storage;
using RevBot.Teams.App.Proactive;
using RevBot.Teams.Protocol.Connector;

namespace RevBot.Teams.App.Outbox;

/// <summary>
/// Sends outbox rows for Teams as a proactive Adaptive Card (<see cref="TeamsProactiveMessenger"/>, paced at
/// <see cref="ConversationPacer.PerSecond"/> per conversation) to the conversation reference stored when RevBot was
/// installed there: the channel's, by its id, or the person's personal chat with RevBot. No reference (RevBot was
/// never installed there, or the person never opened a chat with it), 404 or 403 → gone; 429 → retried after Teams'
/// Retry-After; 5xx, network, no token → retried; a refused token or an untrusted service URL → failed. Scoped.
/// </summary>
internal sealed class TeamsOutboxSender(RevBotDb db, TeamsProactiveMessenger messenger) : IOutboxSender
{
    public ChatPlatform Platform => ChatPlatform.Teams;

    public async Task<OutboxSendResult> SendAsync(OutboxMessage message, Reply reply, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(reply);
        var references = db.ConversationReferences.AsNoTracking().Where(r => r.Platform == ChatPlatform.Teams);
        var reference = message.RecipientUserId is { } userId
            ? await references.Where(r => r.UserId == userId && r.Kind == "personal").OrderByDescending(r => r.Active).ThenByDescending(r => r.UpdatedAt).FirstOrDefaultAsync(ct)
            : await references.FirstOrDefaultAsync(r => r.ConversationId == message.ChannelId, ct);
        if (reference is null)
        {
            var where = message.RecipientUserId is { } id ? $"RevBot user {id} has no personal chat with RevBot in Teams" : $"RevBot is not installed in Teams conversation {message.ChannelId}";
            return new OutboxSendResult(OutboxSendStatus.Gone, Error: $"{where} (no conversation reference).");
        }

        // Stored images (a digest's charts) go in the card as links to the host (Teams:PublicBaseUrl).
        var sent = await messenger.SendToReferenceAsync(reference, reply, ct);
        if (sent.Succeeded) return OutboxSendResult.Sent(sent.Value?.Id);
        var error = sent.Error;
        var status = error.Kind switch
        {
            ConnectorErrorKind.NotFound or ConnectorErrorKind.Forbidden => OutboxSendStatus.Gone,
            ConnectorErrorKind.Throttled or ConnectorErrorKind.ServerError or ConnectorErrorKind.Failed or ConnectorErrorKind.TokenUnavailable => OutboxSendStatus.RetryLater,
            _ => OutboxSendStatus.Failed,
        };
        return new OutboxSendResult(status, RetryAfter: error.RetryAfter, Error: $"{error.Kind}: {error.Message}");
    }
}
