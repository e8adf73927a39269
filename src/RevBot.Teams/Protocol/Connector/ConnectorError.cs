namespace RevBot.Teams.Protocol.Connector;

/// <summary>
/// Why a connector call failed. <see cref="Message"/> is safe to log (no token, no secret). <see cref="RetryAfter"/> is
/// Teams' own wait on the last 429/412, so a caller that schedules its own retry (the outbox) can honour it.
/// </summary>
public sealed record ConnectorError(ConnectorErrorKind Kind, string Message, int? StatusCode = null)
{
    public TimeSpan? RetryAfter { get; init; }
}
