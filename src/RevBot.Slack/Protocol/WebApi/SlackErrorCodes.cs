namespace RevBot.Slack.Protocol.WebApi;

/// <summary>
/// Slack's <c>error</c> codes that RevBot reacts to, plus RevBot's own codes (<c>http_error</c>, <c>network_error</c>,
/// <c>invalid_response</c>, <c>not_configured</c>) for failures that never reached a Slack answer.
/// </summary>
public static class SlackErrorCodes
{
    public const string ChannelNotFound = "channel_not_found";
    public const string NotInChannel = "not_in_channel";
    public const string IsArchived = "is_archived";
    public const string InvalidAuth = "invalid_auth";
    public const string NotAuthed = "not_authed";
    public const string AccountInactive = "account_inactive";
    public const string TokenRevoked = "token_revoked";
    public const string MissingScope = "missing_scope";
    public const string RateLimited = "ratelimited";
    public const string UserNotFound = "user_not_found";
    public const string UsersNotFound = "users_not_found";
    public const string MessageNotFound = "message_not_found";
    public const string CantUpdateMessage = "cant_update_message";
    public const string ExpiredTriggerId = "expired_trigger_id";
    public const string InvalidBlocks = "invalid_blocks";
    public const string MsgTooLong = "msg_too_long";
    public const string ExpiredUrl = "expired_url";
    public const string UsedUrl = "used_url";

    public const string HttpError = "http_error";
    public const string NetworkError = "network_error";
    public const string InvalidResponse = "invalid_response";
    public const string NotConfigured = "not_configured";
}
