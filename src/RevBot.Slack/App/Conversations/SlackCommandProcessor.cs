using Microsoft.Extensions.Logging;
using RevBot.Core.Conversation;
using RevBot.Core.Storage;
using RevBot.Slack.App.Rendering;
using RevBot.Slack.Protocol.WebApi;

namespace RevBot.Slack.App.Conversations;

/// <summary>
/// Answers <c>/revbot …</c> through the command's response_url, replacing the ephemeral "Working on it…" with the
/// answer and a "Share in channel" button. The command's delivery is claimed first (inbound_deliveries, as events are),
/// so a replay of the signed request within Slack's 5-minute window, or a Socket Mode redelivery, runs nothing again:
/// subscribing, muting or scheduling twice is impossible. With the database away the claim fails closed: the command
/// does not run and the user is told the data cannot be reached.
/// </summary>
internal sealed partial class SlackCommandProcessor(
    RevBotDb db, SlackApiClient slack, SlackAnswerer answerer, TimeProvider time, ILogger<SlackCommandProcessor> log)
{
    public async Task ProcessAsync(SlackCommandDelivery c, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(c);
        var claimed = c.DeliveryId is { } id ? await TryClaimAsync(id, ct) : true;
        if (claimed is false)
        {
            // The first delivery answered at its response_url already; a replay gets nothing more.
            LogReplay(log, c.DeliveryId!);
            return;
        }
        var message = claimed is null
            ? ReplyRenderer.Render(DataUnavailable.Reply(QuestionLanguage.Of(c.Text)))
            : await answerer.AnswerAsync(c.Text, c.User, c.ConversationKey, shareable: c.Text.Length > 0, ct, c.Channel);
        var sent = await slack.RespondAsync(c.ResponseUrl!, ResponseUrlMessage.From(message) with { ReplaceOriginal = true }, ct);
        if (!sent.Ok) LogRespondFailed(log, sent.Error.ToString());
    }

    /// <returns>True when claimed; false when already taken; null when the database cannot be reached.</returns>
    private async Task<bool?> TryClaimAsync(string id, CancellationToken ct)
    {
        try
        {
            return await SlackDeliveryClaim.TryClaimAsync(db, id, time.GetUtcNow().UtcDateTime, ct);
        }
        catch (Exception ex) when (DataUnavailable.Is(ex))
        {
            LogClaimUnavailable(log, DataUnavailable.Describe(ex));
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Answering a slash command through its response_url failed: {Error}.")]
    private static partial void LogRespondFailed(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slash command delivery {DeliveryId} was already taken (a replay or redelivery); it did not run again.")]
    private static partial void LogReplay(ILogger logger, string deliveryId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database could not be reached ({Error}) to claim a slash command; it did not run and the user was told.")]
    private static partial void LogClaimUnavailable(ILogger logger, string error);
}
