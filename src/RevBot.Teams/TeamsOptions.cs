namespace RevBot.Teams;

/// <summary>
/// Section <c>Teams</c>. With neither <see cref="AppId"/> nor <see cref="AllowAnonymous"/> Teams is off and every
/// inbound request fails authentication (fails closed). <see cref="AppPassword"/> is a secret: never log it.
/// </summary>
public sealed partial class TeamsOptions
{
    public const string Section = "Teams";
    public const string DefaultOpenIdMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";
    public const string DefaultTokenEndpointBaseUrl = "https://login.microsoftonline.com";

    /// <summary>The bot's Microsoft App ID (Entra application client id): the audience of inbound tokens.</summary>
    public string? AppId { get; set; }

    public string? AppPassword { get; set; }

    /// <summary>Single-tenant bots: the Entra tenant. Outbound tokens come from it and its issuers are accepted inbound.</summary>
    public string? TenantId { get; set; }

    /// <summary>Development only (Agents Playground): inbound requests are not authenticated, outbound calls carry no token.</summary>
    public bool AllowAnonymous { get; set; }

    public string OpenIdMetadataUrl { get; set; } = DefaultOpenIdMetadataUrl;

    /// <summary>Keys for the Entra issuers of a single-tenant bot; defaults to the tenant's v2.0 metadata.</summary>
    public string? EntraOpenIdMetadataUrl { get; set; }

    /// <summary>Where client-credential tokens are requested: <c>{base}/{tenant}/oauth2/v2.0/token</c>.</summary>
    public string TokenEndpointBaseUrl { get; set; } = DefaultTokenEndpointBaseUrl;

    /// <summary>
    /// Service URLs the bot token may be sent to without a validated activity naming them (proactive messages after a
    /// restart). Setting it replaces <see cref="DefaultTrustedServiceUrls"/>. Entries match by scheme, host, port and path prefix.
    /// </summary>
    public List<string>? TrustedServiceUrls { get; set; }

    /// <summary>Teams' connector hosts: commercial, GCC, GCC High and DoD clouds.</summary>
    public static IReadOnlyList<string> DefaultTrustedServiceUrls { get; } =
    [
        "https://smba.trafficmanager.net/",
        "https://smba.infra.gcc.teams.microsoft.com/",
        "https://smba.infra.gov.teams.microsoft.us/",
        "https://smba.infra.dod.teams.microsoft.us/",
    ];

    /// <summary>
    /// The address Teams clients reach this host at ("https://revbot.example.com/"): card images (digest charts) are
    /// loaded from <c>{PublicBaseUrl}/images/{token}.png</c>. Without it cards carry no images.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary><see cref="PublicBaseUrl"/> with the trailing slash relative paths need; null when not set.</summary>
    public Uri? PublicBaseUri => string.IsNullOrWhiteSpace(PublicBaseUrl)
        ? null
        : new Uri(PublicBaseUrl.Trim().EndsWith('/') ? PublicBaseUrl.Trim() : PublicBaseUrl.Trim() + "/", UriKind.Absolute);

    public bool IsEnabled => AllowAnonymous || !string.IsNullOrWhiteSpace(AppId);

    /// <summary>True when outbound calls can be authenticated (both halves of the credential are set).</summary>
    public bool HasCredentials => !string.IsNullOrWhiteSpace(AppId) && !string.IsNullOrWhiteSpace(AppPassword);

    public IReadOnlyList<string> EffectiveTrustedServiceUrls =>
        TrustedServiceUrls is { Count: > 0 } ? TrustedServiceUrls : DefaultTrustedServiceUrls;

    public string EffectiveEntraOpenIdMetadataUrl =>
        EntraOpenIdMetadataUrl ?? $"{DefaultTokenEndpointBaseUrl}/{TenantId}/v2.0/.well-known/openid-configuration";

    public override string ToString() => $"Teams(AppId={AppId}, TenantId={TenantId}, AllowAnonymous={AllowAnonymous})";
}
