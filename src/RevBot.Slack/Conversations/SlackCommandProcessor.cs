using Microsoft.Extensions.Logging;
using RevBot.Slack.WebApi;

namespace RevBot.Slack.Conversations;

/// <summary>
/// Answers <c>/revbot …</c> through the command's response_url, replacing the ephemeral "Working on it…" with the
/// answer and a "Share in channel" button.
/// </summary>
internal sealed partial class SlackCommandProcessor(SlackApiClient slack, SlackAnswerer answerer, ILogger<SlackCommandProcessor> log)
{
    public async Task ProcessAsync(SlackCommandDelivery c, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(c);
        var message = await answerer.AnswerAsync(c.Text, c.User, c.ConversationKey, shareable: c.Text.Length > 0, ct, c.Channel);
        var sent = await slack.RespondAsync(c.ResponseUrl!, ResponseUrlMessage.From(message) with { ReplaceOriginal = true }, ct);
        if (!sent.Ok) LogRespondFailed(log, sent.Error.ToString());
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Answering a slash command through its response_url failed: {Error}.")]
    private static partial void LogRespondFailed(ILogger logger, string error);
}
