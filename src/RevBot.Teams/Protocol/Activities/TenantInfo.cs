namespace RevBot.Teams.Protocol.Activities;

public sealed record TenantInfo(string? Id);
