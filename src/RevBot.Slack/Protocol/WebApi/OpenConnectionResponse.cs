namespace RevBot.Slack.Protocol.WebApi;

/// <summary>apps.connections.open: a fresh, single-use Socket Mode WebSocket URL.</summary>
public sealed record OpenConnectionResponse(string Url);
