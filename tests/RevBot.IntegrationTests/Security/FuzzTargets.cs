namespace RevBot.IntegrationTests.Security;

/// <summary>What the generator needs to know about the host it attacks: its secrets (to sign) and some real ids.</summary>
internal sealed record FuzzTargets(
    string SlackSecret,
    Func<string> TeamsToken,
    string TeamsServiceUrl,
    string ApiKey,
    IReadOnlyList<string> DealIds,
    string SlackUserId,
    Uri ResponseUrlBase);
