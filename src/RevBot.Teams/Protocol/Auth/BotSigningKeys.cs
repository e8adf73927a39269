namespace RevBot.Teams.Protocol.Auth;

/// <summary>
/// Where inbound tokens' keys come from: the Bot Framework's metadata for tokens issued by
/// <c>https://api.botframework.com</c>, and for a single-tenant bot the tenant's Entra metadata for its own issuers.
/// </summary>
public sealed class BotSigningKeys(OpenIdKeySource botFramework, OpenIdKeySource? entra)
{
    public const string BotFrameworkIssuer = "https://api.botframework.com";

    public OpenIdKeySource BotFramework { get; } = botFramework;

    /// <summary>Null unless <see cref="TeamsOptions.TenantId"/> is set.</summary>
    public OpenIdKeySource? Entra { get; } = entra;

    /// <summary>The issuers a single-tenant bot's tokens may carry (Entra v2.0 and v1.0 token formats).</summary>
    public static IReadOnlyList<string> EntraIssuers(string tenantId) =>
        [$"https://login.microsoftonline.com/{tenantId}/v2.0", $"https://sts.windows.net/{tenantId}/"];
}
