using Microsoft.Extensions.Logging;
using RevBot.Core.Conversation;
using RevBot.Core.Handoffs;
using RevBot.Core.Replies;
using RevBot.Core.Storage;
using RevBot.Slack.BlockKit;

namespace RevBot.Slack.Conversations;

/// <summary>
/// Asks Core as the mapped user and renders the answer as a Slack message. An empty question or "help" gets the help
/// answer; a failure becomes an apologetic message (and an error in the log) so the user is never left waiting.
/// </summary>
internal sealed partial class SlackAnswerer(AskService ask, SlackUserDirectory users, QuestionRateLimiter limiter, ILogger<SlackAnswerer> log)
{
    /// <param name="channel">The Slack channel id the turn came from, for channel commands (digest schedules); null for button presses.</param>
    public async Task<SlackMessage> AnswerAsync(string? question, string? slackUserId, string? conversationKey, bool shareable, CancellationToken ct, string? channel = null)
    {
        var text = question?.Trim() ?? "";
        if (text.Length == 0 || text.Equals("help", StringComparison.OrdinalIgnoreCase) || text.Equals("ayuda", StringComparison.OrdinalIgnoreCase))
        {
            var help = GuidanceComposer.Help(text.Equals("ayuda", StringComparison.OrdinalIgnoreCase) ? "es" : "en");
            return ReplyRenderer.Render(help.Reply, new ReplyRenderOptions { Language = help.Language });
        }
        if (!limiter.TryAcquire($"slack:{slackUserId}"))
            return ReplyRenderer.Render(QuestionRateLimiter.TooFast(text).Reply);
        try
        {
            var email = await users.EmailForAsync(slackUserId, ct);
            var answer = await ask.AskAsync(new AskRequest(text, email, null, conversationKey)
            {
                Channel = channel is null ? null : new ChannelTarget("slack", channel),
                PlatformUserId = slackUserId,
            }, ct);
            return ReplyRenderer.Render(answer.Reply, new ReplyRenderOptions { Language = answer.Language, ShareValue = shareable ? text : null });
        }
        catch (Exception ex) when (DataUnavailable.Is(ex))
        {
            LogDataUnavailable(log, ex.GetType().Name, conversationKey);
            return ReplyRenderer.Render(DataUnavailable.Reply("en"));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogAskFailed(log, ex, conversationKey);
            return ReplyRenderer.Render(new Reply
            {
                Kind = ReplyKind.Error,
                Title = "Something went wrong",
                Text = "I couldn't answer that just now. Please try again in a moment.",
            });
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database could not be reached ({Error}) for a Slack question (conversation {ConversationKey}); the user was told.")]
    private static partial void LogDataUnavailable(ILogger logger, string error, string? conversationKey);

    [LoggerMessage(Level = LogLevel.Error, Message = "Answering a Slack question failed (conversation {ConversationKey}).")]
    private static partial void LogAskFailed(ILogger logger, Exception ex, string? conversationKey);
}
