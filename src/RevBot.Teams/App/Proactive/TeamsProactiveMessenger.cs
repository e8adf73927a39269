using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RevBot.Core.Chat;
using RevBot.Core.Domain;
using RevBot.Core.Localization;
using RevBot.Core.Replies;
using RevBot.Core.Storage;
using RevBot.Teams.App.Conversations;
using RevBot.Teams.App.Rendering;
using RevBot.Teams.Protocol.Connector;

namespace RevBot.Teams.App.Proactive;

/// <summary>
/// Posts without being asked (alerts, digests) to a stored conversation reference. When Teams says the conversation is
/// gone (404) or closed to the bot (403), the reference is marked inactive so later sends skip it. Scoped.
/// </summary>
public sealed partial class TeamsProactiveMessenger(RevBotDb db, ConnectorClient connector, TimeProvider time, IOptions<TeamsOptions> options, ILogger<TeamsProactiveMessenger> log)
{
    public async Task<ConnectorResult<ResourceResponse>> SendToReferenceAsync(ChatConversationReference reference, Reply reply, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(reply);
        if (reference.Platform != ChatPlatform.Teams)
            throw new ArgumentException($"A {EnumText.Format(reference.Platform)} reference cannot be sent to through Teams.", nameof(reference));
        if (!reference.Active || string.IsNullOrEmpty(reference.ServiceUrl))
            return ConnectorResult<ResourceResponse>.Fail(new ConnectorError(ConnectorErrorKind.NotFound, "The conversation reference is inactive or has no service URL."));

        // Stored images (digest charts) load from the host's unguessable, expiring /images/{token}.png URLs.
        var activity = ReplyCardRenderer.ToActivity(ReplyCardRenderer.WithNoticeInText(reply), imageBase: options.Value.PublicBaseUri, language: reply.Language ?? Texts.Neutral);
        var result = await connector.SendAsync(TeamsConversationReferences.ToAddress(reference), activity, ct);
        if (result.Error is { Kind: ConnectorErrorKind.NotFound or ConnectorErrorKind.Forbidden } error)
        {
            LogDeactivated(log, reference.ConversationId, error.Kind);
            reference.Active = false;
            var now = time.GetUtcNow().UtcDateTime;
            await db.ConversationReferences
                .Where(r => r.Platform == reference.Platform && r.ConversationId == reference.ConversationId)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Active, false).SetProperty(r => r.UpdatedAt, now), ct);
        }
        return result;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Teams: conversation {ConversationId} answered {Kind}; its reference is now inactive.")]
    private static partial void LogDeactivated(ILogger logger, string conversationId, ConnectorErrorKind kind);
}
