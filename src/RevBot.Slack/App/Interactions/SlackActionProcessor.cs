using Microsoft.Extensions.Logging;
using RevBot.Slack.App.Conversations;
using RevBot.Slack.Protocol.BlockKit;
using RevBot.Slack.Protocol.WebApi;

namespace RevBot.Slack.App.Interactions;

/// <summary>
/// The adapter's own buttons (<see cref="SlackButtons"/>): <c>ask</c> asks the button's question in the conversation of
/// the message it was on; <c>share</c> re-asks an ephemeral answer's question and posts it for the channel, removing the
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
        // An ephemeral message (a slash command's answer) has no thread to post in: answer privately, as /revbot does.
        if ((a.IsEphemeral || a.MessageTs is null) && a.ResponseUrl is not null)
        {
            var key = SlackConversationKeys.Command(a.Team, a.Channel ?? "", a.User!);
            var answer = await answerer.AnswerAsync(a.Value, a.User, key, shareable: true, ct);
            Check(await slack.RespondAsync(a.ResponseUrl, ResponseUrlMessage.From(answer) with { ReplaceOriginal = false }, ct));
            return;
        }
        // The Home tab has no channel: the answer goes to the user's DM with the app.
        var channel = a.Channel ?? a.User!;
        var direct = a.Channel is null || SlackConversationKeys.IsDirectMessage(channel);
        var threadTs = direct ? a.MessageThreadTs : a.MessageThreadTs ?? a.MessageTs;
        var conversation = direct ? SlackConversationKeys.DirectMessage(a.Team, channel) : SlackConversationKeys.Thread(a.Team, channel, threadTs!);
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
