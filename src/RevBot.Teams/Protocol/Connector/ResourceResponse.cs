namespace RevBot.Teams.Protocol.Connector;

/// <summary>What the connector returns for a created or updated activity: its id (needed to update or delete it later).</summary>
public sealed record ResourceResponse(string? Id);
