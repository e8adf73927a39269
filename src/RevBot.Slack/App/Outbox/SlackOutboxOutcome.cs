using RevBot.Core.Outbox;
using RevBot.Slack.Protocol.WebApi;

namespace RevBot.Slack.App.Outbox;

/// <summary>
/// What a Slack error means for an outbox row. The place is gone (archived or deleted channel, bot removed, unknown or
/// deactivated person): never retried. Slack could not act now (429 with its Retry-After, a 5xx, the network, Slack's
/// own internal errors, Slack not configured yet): retried. Anything else Slack refused outright (invalid blocks, a bad
/// token, a missing scope): retrying the same request cannot help, so it fails and is logged.
/// </summary>
internal static class SlackOutboxOutcome
{
    private static readonly HashSet<string> Gone = new(StringComparer.Ordinal)
    {
        SlackErrorCodes.ChannelNotFound, SlackErrorCodes.IsArchived, SlackErrorCodes.NotInChannel, SlackErrorCodes.AccountInactive,
        SlackErrorCodes.UserNotFound, SlackErrorCodes.UsersNotFound, "user_disabled", "cannot_dm_bot",
    };

    private static readonly HashSet<string> Passing = new(StringComparer.Ordinal)
    {
        SlackErrorCodes.RateLimited, SlackErrorCodes.HttpError, SlackErrorCodes.NetworkError, SlackErrorCodes.InvalidResponse,
        SlackErrorCodes.NotConfigured, "internal_error", "fatal_error", "service_unavailable", "request_timeout",
    };

    public static OutboxSendResult From(SlackApiError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var text = error.ToString();
        if (Gone.Contains(error.Code)) return new OutboxSendResult(OutboxSendStatus.Gone, Error: text);
        if (Passing.Contains(error.Code)) return new OutboxSendResult(OutboxSendStatus.RetryLater, RetryAfter: error.RetryAfter, Error: text);
        return new OutboxSendResult(OutboxSendStatus.Failed, Error: text);
    }
}
