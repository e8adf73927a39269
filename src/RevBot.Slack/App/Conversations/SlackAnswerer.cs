using Microsoft.Extensions.Logging;
using RevBot.Core.Answers;
using RevBot.Core.Conversation;
using RevBot.Core.Domain;
using RevBot.Core.Handoffs;
using RevBot.Core.Localization;
using RevBot.Core.Replies;
using RevBot.Core.Storage;
using RevBot.Slack.App.Files;
using RevBot.Slack.App.Rendering;
using RevBot.Slack.Protocol.BlockKit;

namespace RevBot.Slack.App.Conversations;

/// <summary>
/// Asks Core as the mapped user and renders the answer as a Slack message. An empty question or "help" gets the help
/// answer; a failure becomes an apologetic message (and an error in the log) so the user is never left waiting, in
/// the language of the question (<see cref="QuestionLanguage"/>) since no answer says which.
/// </summary>
internal sealed partial class SlackAnswerer(AskService ask, SlackUserDirectory users, QuestionRateLimiter limiter, SlackFileUploader uploader, ILogger<SlackAnswerer> log)
{
    /// <summary>
    /// The answer as a message, for a place a file cannot follow it (an ephemeral answer only its asker sees): a chart
    /// the question asked for is not shared there, and the message says where it would be.
    /// </summary>
    /// <param name="channel">The Slack channel id the turn came from, for channel commands (digest schedules); null for button presses.</param>
    public async Task<SlackMessage> AnswerAsync(string? question, string? slackUserId, string? conversationKey, bool shareable, CancellationToken ct, string? channel = null) =>
        (await AnswerCoreAsync(question, slackUserId, conversationKey, shareable, chartShared: false, channel, ct)).Message;

    /// <summary>The answer and its chart's PNG (when the question asked for one), for a message everyone in the conversation sees.</summary>
    public Task<SlackAnswer> AnswerWithChartAsync(string? question, string? slackUserId, string? conversationKey, CancellationToken ct, string? channel = null) =>
        AnswerCoreAsync(question, slackUserId, conversationKey, shareable: false, chartShared: true, channel, ct);

    /// <summary>
    /// Shares an answer's chart after its message, in the same channel and thread, with the upload flow the digests
    /// use. The answer is out already: a failed upload is logged, not retried (a retry would answer twice).
    /// </summary>
    public async Task ShareChartAsync(SlackAnswer answer, string channel, string? threadTs, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(answer);
        if (answer.Chart is not { } chart) return;
        var shared = await uploader.UploadAsync([chart], channel, threadTs, ct);
        if (!shared.Ok) LogChartFailed(log, channel, shared.Error.ToString());
    }

    private async Task<SlackAnswer> AnswerCoreAsync(string? question, string? slackUserId, string? conversationKey, bool shareable, bool chartShared, string? channel, CancellationToken ct)
    {
        var text = question?.Trim() ?? "";
        if (text.Length == 0 || text.Equals("help", StringComparison.OrdinalIgnoreCase) || text.Equals("ayuda", StringComparison.OrdinalIgnoreCase))
        {
            var help = GuidanceComposer.Help(text.Equals("ayuda", StringComparison.OrdinalIgnoreCase) ? "es" : "en");
            return new(ReplyRenderer.Render(help.Reply, new ReplyRenderOptions { Language = help.Language }));
        }
        if (!limiter.TryAcquire($"slack:{slackUserId}"))
            return new(ReplyRenderer.Render(QuestionRateLimiter.TooFast(text).Reply));
        try
        {
            var email = await users.EmailForAsync(slackUserId, ct);
            var answer = await ask.AskAsync(new AskRequest(text, email, null, conversationKey)
            {
                // A DM is not a channel: channel commands (alert subscriptions, digests) are refused there, as in a Teams personal chat.
                Channel = channel is null || SlackConversationKeys.IsDirectMessage(channel) ? null : new ChannelTarget(ChatPlatform.Slack, channel),
                PlatformUserId = slackUserId,
                Platform = ChatPlatform.Slack,
            }, ct);
            var reply = answer.Reply;
            SlackUpload? upload = null;
            if (answer is { Chart: { } chart, ChartImage: { } image })
            {
                if (chartShared) upload = new SlackUpload(chart.File, chart.Title, chart.AltText, image.Png);
                else reply = reply with { Context = [.. reply.Context, SlackMessages.ChartNotShared(answer.Language)] };
            }
            return new(ReplyRenderer.Render(reply, new ReplyRenderOptions { Language = answer.Language, ShareValue = shareable ? text : null }), upload);
        }
        catch (Exception ex) when (DataUnavailable.Is(ex))
        {
            LogDataUnavailable(log, DataUnavailable.Describe(ex), conversationKey);
            return new(ReplyRenderer.Render(DataUnavailable.Reply(QuestionLanguage.Of(text))));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogAskFailed(log, ex, conversationKey);
            var language = QuestionLanguage.Of(text);
            return new(ReplyRenderer.Render(new Reply
            {
                Kind = ReplyKind.Error,
                Title = Texts.Get(language, nameof(Catalog.ChatSomethingWentWrong)),
                Text = Texts.Get(language, nameof(Catalog.ChatAnswerFailed)),
            }));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "An answer was posted in Slack channel {Channel} but its chart could not be shared: {Error}.")]
    private static partial void LogChartFailed(ILogger logger, string channel, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database could not be reached ({Error}) for a Slack question (conversation {ConversationKey}); the user was told.")]
    private static partial void LogDataUnavailable(ILogger logger, string error, string? conversationKey);

    [LoggerMessage(Level = LogLevel.Error, Message = "Answering a Slack question failed (conversation {ConversationKey}).")]
    private static partial void LogAskFailed(ILogger logger, Exception ex, string? conversationKey);
}
