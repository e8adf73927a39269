using Microsoft.Extensions.Logging;
using RevBot.Core.Storage;
using RevBot.Slack.App.Home;
using RevBot.Slack.Protocol.WebApi;

namespace RevBot.Slack.App.Conversations;

/// <summary>
/// Answers an event after its ack: claims the event_id (a retry is skipped), then answers a mention in its thread, a DM
/// in the DM, or publishes the Home tab.
/// </summary>
internal sealed partial class SlackEventProcessor(
    RevBotDb db, SlackApiClient slack, SlackBotIdentity bot, SlackAnswerer answerer, SlackHomePublisher home, TimeProvider time,
    ILogger<SlackEventProcessor> log)
{
    public async Task ProcessAsync(SlackEventDelivery e, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (e.User == await bot.UserIdAsync(ct)) return;
        if (e.EventId is { } id && !await TryClaimAsync(id, ct))
        {
            LogDuplicate(log, id);
            return;
        }
        if (e.Type == "app_home_opened")
        {
            await home.PublishAsync(e.User!, ct);
            return;
        }

        var channel = e.Channel!;
        // A mention is answered in its thread (starting one); a DM continues as one conversation, in a thread only if asked in one.
        var (threadTs, key) = e.Type == "app_mention"
            ? (e.ThreadTs ?? e.Ts, SlackConversationKeys.Thread(e.Team, channel, e.ThreadTs ?? e.Ts!))
            : (e.ThreadTs, SlackConversationKeys.DirectMessage(e.Team, channel));
        var answer = await answerer.AnswerWithChartAsync(e.Text, e.User, key, ct, channel);
        var posted = await slack.PostMessageAsync(PostMessageRequest.From(channel, answer.Message, threadTs), ct);
        if (!posted.Ok) LogPostFailed(log, posted.Error.ToString(), e.EventId);
        // The chart follows its answer where the question was asked: the thread, or the DM.
        else await answerer.ShareChartAsync(answer, channel, threadTs, ct);
    }

    /// <summary>
    /// Claims the event; with the database unreachable the event is answered unclaimed (the answer then says the data
    /// cannot be reached): the ack went out already, so Slack will not retry, and silence would be worse than a rare
    /// second "can't reach" reply.
    /// </summary>
    private async Task<bool> TryClaimAsync(string id, CancellationToken ct)
    {
        try
        {
            return await SlackDeliveryClaim.TryClaimAsync(db, id, time.GetUtcNow().UtcDateTime, ct);
        }
        catch (Exception ex) when (DataUnavailable.Is(ex))
        {
            return true;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack event {EventId} was already taken (a retry); skipped.")]
    private static partial void LogDuplicate(ILogger logger, string eventId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Posting the answer to Slack event {EventId} failed: {Error}.")]
    private static partial void LogPostFailed(ILogger logger, string error, string? eventId);
}
