namespace RevBot.Teams.Connector;

/// <summary>Why a connector call failed. <see cref="Message"/> is safe to log (no token, no secret).</summary>
public sealed record ConnectorError(ConnectorErrorKind Kind, string Message, int? StatusCode = null);
