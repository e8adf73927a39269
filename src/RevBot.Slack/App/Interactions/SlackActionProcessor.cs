using Microsoft.Extensions.Logging;
using RevBot.Slack.App.Conversations;
using RevBot.Slack.Protocol.BlockKit;
using RevBot.Slack.Protocol.WebApi;

namespace RevBot.Slack.App.Interactions;

/// <summary>
/// The adapter's own buttons (<see cref="SlackButtons"/>): <c>ask</c> asks the button's question in the conversation of
/// the message it was on and answers in a new message there (<see cref="SlackFollowUpTarget"/>); <c>share</c> re-asks an ephemeral answer's question and posts it for the channel, removing the
/// ephemeral. A press without a question does nothing.
/// </summary>
internal sealed partial class SlackActionProcessor(SlackApiClient slack, SlackAnswerer answerer, ILogger<SlackActionProcessor> log)
{
    /// <summary>The id Core gives its follow-up buttons (suggested questions, clarifications).</summary>
    public const string Ask = "ask";

    /// <summary>True for a press of one of these buttons that carries a question, by a Slack user: the only ones acted on.</summary>
    public static bool Handles(SlackActionDelivery a) =>
        a is { ActionId: Ask or SlackActionIds.Share, Value.Length: > 0, User: not null };

    public async Task AskAsync(SlackActionDelivery a, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (!Handles(a)) return;
        // A new message beside the one pressed, never in its place (SlackFollowUpTarget): an ephemeral message (a slash
        // command's answer) has no thread to post in, so the answer comes privately, as /revbot does.
        var target = SlackFollowUpTarget.Of(a);
        if (target.Ephemeral)
        {
            var key = SlackConversationKeys.Command(a.Team, a.Channel ?? "", a.User!);
            var answer = await answerer.AnswerAsync(a.Value, a.User, key, shareable: true, ct);
            Check(await slack.RespondAsync(a.ResponseUrl!, ResponseUrlMessage.From(answer) with { ReplaceOriginal = false }, ct));
            return;
        }
        var (channel, threadTs) = (target.Channel, target.ThreadTs);
        var conversation = target.Direct ? SlackConversationKeys.DirectMessage(a.Team, channel) : SlackConversationKeys.Thread(a.Team, channel, threadTs!);
        var reply = await answerer.AnswerWithChartAsync(a.Value, a.User, conversation, ct);
        var posted = await slack.PostMessageAsync(PostMessageRequest.From(channel, reply.Message, threadTs), ct);
        if (!posted.Ok) LogFailed(log, posted.Error.ToString());
        else await answerer.ShareChartAsync(reply, channel, threadTs, ct);
    }

    public async Task ShareAsync(SlackActionDelivery a, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (!Handles(a) || a.ResponseUrl is null) return;
        var key = SlackConversationKeys.Command(a.Team, a.Channel ?? "", a.User!);
        var answer = await answerer.AnswerWithChartAsync(a.Value, a.User, key, ct);
        // A response_url cannot turn an ephemeral into a channel message: post for everyone, then delete the ephemeral.
        if (Check(await slack.RespondAsync(a.ResponseUrl, ResponseUrlMessage.From(answer.Message, SlackResponseType.InChannel) with { ReplaceOriginal = false }, ct)))
        {
            Check(await slack.RespondAsync(a.ResponseUrl, new ResponseUrlMessage("") { DeleteOriginal = true }, ct));
            // Shared for the channel now, so its chart may follow (a response_url gives no ts to thread under).
            if (a.Channel is { } channel) await answerer.ShareChartAsync(answer, channel, null, ct);
        }
    }

    private bool Check(SlackApiResult<SlackAccepted> result)
    {
        if (!result.Ok) LogFailed(log, result.Error.ToString());
        return result.Ok;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Answering a Slack button press failed: {Error}.")]
    private static partial void LogFailed(ILogger logger, string error);
}
