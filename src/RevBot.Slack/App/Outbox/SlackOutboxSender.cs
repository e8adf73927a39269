using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using RevBot.Core.Domain;
using RevBot.Core.Localization;
using RevBot.Core.Outbox;
using RevBot.Core.Replies;
using RevBot.Core.Storage;
using RevBot.Slack.App.Files;
using RevBot.Slack.App.Rendering;
using RevBot.Slack.Protocol.WebApi;

namespace RevBot.Slack.App.Outbox;

/// <summary>
/// Sends outbox rows for Slack: the reply rendered as Block Kit, posted with chat.postMessage and the bot token
/// (paced per channel by <see cref="SlackChannelPacer"/>). A person is reached by their Slack user id as the channel,
/// which posts to the bot's direct message with them; the id is the stored one, else found by email
/// (users.lookupByEmail) and remembered on the user. Uses a client without in-process retries
/// (<see cref="OutboxClientKey"/>): the outbox retries durably, so a 429 frees the worker and the wait is kept in the row.
/// Scoped.
/// </summary>
internal sealed partial class SlackOutboxSender(RevBotDb db, SlackApiClient slack, SlackFileUploader uploader, ILogger<SlackOutboxSender> log) : IOutboxSender
{
    public const string OutboxClientKey = "outbox";

    public ChatPlatform Platform => ChatPlatform.Slack;

    public async Task<OutboxSendResult> SendAsync(OutboxMessage message, Reply reply, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(reply);
        string channel;
        if (message.RecipientUserId is { } userId)
        {
            var (slackUserId, problem) = await SlackUserIdAsync(userId, ct);
            if (problem is not null) return problem;
            channel = slackUserId!;
        }
        else
        {
            channel = message.ChannelId;
        }

        var rendered = ReplyRenderer.Render(reply with { Images = [] }, new ReplyRenderOptions { Language = reply.Language ?? Texts.Neutral });
        var posted = await slack.PostMessageAsync(PostMessageRequest.From(channel, rendered), ct);
        if (!posted.Ok) return SlackOutboxOutcome.From(posted.Error);
        if (reply.Images.Any(i => i.Token is not null))
        {
            // The charts go in the message's thread with the upload flow. The message is out already: a failed upload
            // is logged rather than retried, since a retry would post the whole message a second time.
            var shared = await uploader.UploadReplyImagesAsync(reply, posted.Value.Channel, posted.Value.Ts, ct);
            if (!shared.Ok) LogChartsFailed(log, message.Id, shared.Error.ToString());
        }
        return OutboxSendResult.Sent(posted.Value.Ts);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {MessageId} was posted but its charts could not be uploaded: {Error}.")]
    private static partial void LogChartsFailed(ILogger logger, long messageId, string error);

    private async Task<(string? SlackUserId, OutboxSendResult? Problem)> SlackUserIdAsync(int userId, CancellationToken ct)
    {
        var user = await db.Users.Where(u => u.Id == userId).Select(u => new { u.SlackUserId, u.Email }).FirstOrDefaultAsync(ct);
        if (user is null) return (null, new OutboxSendResult(OutboxSendStatus.Gone, Error: $"RevBot user {userId} no longer exists."));
        if (!string.IsNullOrEmpty(user.SlackUserId)) return (user.SlackUserId, null);

        var found = await slack.LookupUserByEmailAsync(new LookupByEmailRequest(user.Email), ct);
        if (!found.Ok) return (null, SlackOutboxOutcome.From(found.Error));
        // An "ok" answer without a user is Slack's fault, not the person's: tried again later, never a crash.
        if (found.Value?.User?.Id is not { Length: > 0 } slackUserId)
            return (null, new OutboxSendResult(OutboxSendStatus.RetryLater, Error: "users.lookupByEmail answered ok without a user id."));
        // Only if still unset: a mapping made meanwhile by an inbound message wins.
        await db.Users.Where(u => u.Id == userId && u.SlackUserId == null).ExecuteUpdateAsync(s => s.SetProperty(u => u.SlackUserId, slackUserId), ct);
        return (slackUserId, null);
    }
}
