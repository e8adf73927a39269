using Microsoft.Extensions.Logging;
using RevBot.Slack.Protocol.WebApi;

namespace RevBot.Slack.App.Conversations;

/// <summary>
/// The bot's own user id from auth.test, asked once and cached, so its own messages are recognised and ignored. A failed
/// auth.test is not cached: the next delivery asks again.
/// </summary>
internal sealed partial class SlackBotIdentity(SlackApiClient slack, ILogger<SlackBotIdentity> log)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _userId;

    public async Task<string?> UserIdAsync(CancellationToken ct)
    {
        if (_userId is { } known) return known;
        await _gate.WaitAsync(ct);
        try
        {
            if (_userId is null)
            {
                var result = await slack.AuthTestAsync(ct);
                if (result.Ok) _userId = result.Value.UserId;
                else LogAuthTestFailed(log, result.Error.ToString());
            }
            return _userId;
        }
        finally
        {
            _gate.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack auth.test failed ({Error}); the bot's own messages are recognised by bot_id only for now.")]
    private static partial void LogAuthTestFailed(ILogger logger, string error);
}
