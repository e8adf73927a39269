namespace RevBot.Slack.Protocol.WebApi;

/// <summary>users.lookupByEmail: how a RevBot user (known by email) is found in Slack.</summary>
public sealed record LookupByEmailRequest(string Email);
