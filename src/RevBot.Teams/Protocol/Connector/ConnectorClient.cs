
using RevBot.Teams.Protocol.Activities;

namespace RevBot.Teams.Protocol.Connector;

/// <summary>
/// The Bot Connector REST calls RevBot makes (<c>{serviceUrl}/v3/conversations…</c>). The bot token only goes to trusted
/// service URLs (see <see cref="Auth.ServiceUrlTrust"/>); per-conversation calls are paced; failures come back typed.
/// </summary>
public sealed class ConnectorClient
{
    private readonly ConnectorTransport _transport;

    internal ConnectorClient(ConnectorTransport transport) => _transport = transport;

    /// <summary>Posts a new message to the conversation (a new thread in a channel).</summary>
    public Task<ConnectorResult<ResourceResponse>> SendAsync(ConversationAddress to, BotActivity activity, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(to);
        return _transport.SendAsync<ResourceResponse>(HttpMethod.Post, to.ServiceUrl, Activities(to), Address(to, activity),
            to.ConversationId, createsMessage: true, ct);
    }

    /// <summary>Replies to an activity (in a channel: in its thread).</summary>
    public Task<ConnectorResult<ResourceResponse>> ReplyAsync(ConversationAddress to, string replyToId, BotActivity activity, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(to);
        ArgumentException.ThrowIfNullOrEmpty(replyToId);
        return _transport.SendAsync<ResourceResponse>(HttpMethod.Post, to.ServiceUrl, Activity(to, replyToId),
            Address(to, activity) with { ReplyToId = replyToId }, to.ConversationId, createsMessage: true, ct);
    }

    /// <summary>Replaces a message the bot sent (a card updated in place). Idempotent, so 502/504 are retried too.</summary>
    public Task<ConnectorResult<ResourceResponse>> UpdateAsync(ConversationAddress to, string activityId, BotActivity activity, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(to);
        ArgumentException.ThrowIfNullOrEmpty(activityId);
        return _transport.SendAsync<ResourceResponse>(HttpMethod.Put, to.ServiceUrl, Activity(to, activityId),
            Address(to, activity) with { Id = activityId }, to.ConversationId, createsMessage: false, ct);
    }

    public async Task<ConnectorResult<bool>> DeleteAsync(ConversationAddress to, string activityId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(to);
        ArgumentException.ThrowIfNullOrEmpty(activityId);
        var result = await _transport.SendAsync<ResourceResponse>(HttpMethod.Delete, to.ServiceUrl, Activity(to, activityId), null,
            to.ConversationId, createsMessage: false, ct);
        return result.Succeeded ? ConnectorResult<bool>.Ok(true) : ConnectorResult<bool>.Fail(result.Error);
    }

    /// <summary>Shows "typing…" while an answer is computed. Losing one is harmless, so it shares the send rules.</summary>
    public Task<ConnectorResult<ResourceResponse>> SendTypingAsync(ConversationAddress to, CancellationToken ct) =>
        SendAsync(to, BotActivity.Typing(), ct);

    /// <summary>Opens (or finds) a conversation, e.g. a 1:1 chat for a proactive message: see <see cref="ConversationParameters.Personal"/>.</summary>
    public Task<ConnectorResult<ConversationResourceResponse>> CreateConversationAsync(
        string serviceUrl, ConversationParameters parameters, CancellationToken ct) =>
        _transport.SendAsync<ConversationResourceResponse>(HttpMethod.Post, serviceUrl, "/v3/conversations", parameters,
            conversationId: null, createsMessage: true, ct);

    /// <summary>
    /// One member of the conversation's roster, with the email Teams knows for them. A read, so it is not paced as a
    /// message and 502/504 are retried.
    /// </summary>
    public Task<ConnectorResult<TeamsChannelAccount>> GetMemberAsync(ConversationAddress to, string userId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(to);
        ArgumentException.ThrowIfNullOrEmpty(userId);
        return _transport.SendAsync<TeamsChannelAccount>(HttpMethod.Get, to.ServiceUrl,
            $"/v3/conversations/{Uri.EscapeDataString(to.ConversationId)}/members/{Uri.EscapeDataString(userId)}", null,
            conversationId: null, createsMessage: false, ct);
    }

    private static string Activities(ConversationAddress to) => $"/v3/conversations/{Uri.EscapeDataString(to.ConversationId)}/activities";

    private static string Activity(ConversationAddress to, string activityId) => $"{Activities(to)}/{Uri.EscapeDataString(activityId)}";

    private static BotActivity Address(ConversationAddress to, BotActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return activity with { Conversation = activity.Conversation ?? new ConversationAccount { Id = to.ConversationId } };
    }
}
