namespace RevBot.Teams.Activities;

public sealed record TenantInfo(string? Id);
