using System.Security.Claims;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using RevBot.Teams.Protocol.Activities;

namespace RevBot.Teams.Protocol.Auth;

/// <summary>
/// Authenticates a request from the Bot Connector as "Authentication with the Bot Connector API" (connector to bot)
/// requires: an RS256 bearer JWT signed by a published key, from an accepted issuer, for this bot's app id, within its
/// lifetime (5 minutes of skew), whose key is endorsed for the activity's channel and whose <c>serviceurl</c> claim is the
/// activity's serviceUrl. On success that serviceUrl becomes trusted for outbound calls.
/// </summary>
public sealed partial class BotAuthenticator(
    IOptions<TeamsOptions> options, BotSigningKeys keys, ServiceUrlTrust trust, ILogger<BotAuthenticator> log)
{
    public const string SigningAlgorithm = SecurityAlgorithms.RsaSha256;
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);
    private readonly TeamsOptions _options = options.Value;
    private readonly JsonWebTokenHandler _handler = new();

    public Task<BotAuthResult> AuthenticateAsync(string? authorizationHeader, BotActivity activity, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return AuthenticateAsync(authorizationHeader, activity.ChannelId, activity.ServiceUrl, ct);
    }

    public async Task<BotAuthResult> AuthenticateAsync(string? authorizationHeader, string? channelId, string? serviceUrl, CancellationToken ct)
    {
        var result = await DecideAsync(authorizationHeader, channelId, serviceUrl, ct);
        if (!result.Succeeded) LogRefused(log, result.Failure, result.StatusCode, result.Detail);
        return result;
    }

    private async Task<BotAuthResult> DecideAsync(string? header, string? channelId, string? serviceUrl, CancellationToken ct)
    {
        if (_options.AllowAnonymous)
        {
            // Development only: nothing vouches for the URL, so only a local one (the Agents Playground) is trusted.
            if (ServiceUrls.TryParse(serviceUrl, out var local) && local.IsLoopback) trust.TrustValidated(serviceUrl!);
            return BotAuthResult.Anonymous;
        }
        if (!_options.IsEnabled) return BotAuthResult.Fail(BotAuthFailure.NotConfigured, "Teams:AppId is not set.");
        if (!TryReadBearer(header, out var raw)) return BotAuthResult.Fail(BotAuthFailure.MissingToken, "No Authorization: Bearer header.");

        JsonWebToken token;
        try { token = _handler.ReadJsonWebToken(raw); }
        catch (Exception ex) when (ex is ArgumentException or SecurityTokenException) { return BotAuthResult.Fail(BotAuthFailure.InvalidToken, "The bearer token is not a JWT."); }
        if (token.Alg != SigningAlgorithm) return BotAuthResult.Fail(BotAuthFailure.InvalidToken, $"Algorithm '{token.Alg}' is not accepted; RS256 only.");

        var isBotFramework = token.Issuer == BotSigningKeys.BotFrameworkIssuer;
        var source = isBotFramework ? keys.BotFramework : EntraSourceFor(token.Issuer);
        if (source is null) return BotAuthResult.Fail(BotAuthFailure.InvalidToken, $"Issuer '{token.Issuer}' is not accepted.");

        SigningKeySet set;
        try
        {
            set = await source.GetAsync(ct);
            if (!set.HasKey(token.Kid)) set = await source.RefreshAfterUnknownKeyAsync(set, ct);
        }
        catch (InvalidOperationException ex)
        {
            return BotAuthResult.Fail(BotAuthFailure.KeysUnavailable, $"Signing keys from {source.MetadataUrl} are unavailable: {ex.Message}");
        }
        if (!set.HasKey(token.Kid)) return BotAuthResult.Fail(BotAuthFailure.UnknownSigningKey, $"Key id '{token.Kid}' is not published by {source.MetadataUrl}.");

        var validation = await _handler.ValidateTokenAsync(raw, Parameters(token.Issuer, set));
        if (!validation.IsValid)
            return BotAuthResult.Fail(BotAuthFailure.InvalidToken, validation.Exception?.GetType().Name ?? "The token did not validate.");

        if (isBotFramework && !IsEndorsed(set, token.Kid, channelId))
            return BotAuthResult.Fail(BotAuthFailure.EndorsementMissing, $"Key '{token.Kid}' is not endorsed for channel '{channelId}'.");
        var claimed = token.TryGetPayloadValue<string>("serviceurl", out var s) ? s : null;
        // Bot Framework tokens must name the service URL; Entra tokens may not carry it, and then vouch for no URL.
        if ((isBotFramework || claimed is not null) && !SameServiceUrl(claimed, serviceUrl))
            return BotAuthResult.Fail(BotAuthFailure.ServiceUrlMismatch, "The token's serviceurl claim does not match the activity's serviceUrl.");
        if (claimed is not null) trust.TrustValidated(serviceUrl!);
        return BotAuthResult.Success(validation.ClaimsIdentity ?? new ClaimsIdentity());
    }

    private OpenIdKeySource? EntraSourceFor(string issuer) =>
        keys.Entra is not null && !string.IsNullOrWhiteSpace(_options.TenantId)
            && BotSigningKeys.EntraIssuers(_options.TenantId).Contains(issuer, StringComparer.Ordinal)
            ? keys.Entra : null;

    private TokenValidationParameters Parameters(string issuer, SigningKeySet set) => new()
    {
        ValidIssuer = issuer,
        ValidAudience = _options.AppId,
        ValidateIssuer = true,
        ValidateAudience = true,
        ValidateLifetime = true,
        RequireExpirationTime = true,
        RequireSignedTokens = true,
        ClockSkew = ClockSkew,
        IssuerSigningKeys = set.Keys,
        TryAllIssuerSigningKeys = false,
        // RS256, and only if the metadata lists it (the article: "the algorithm in id_token_signing_alg_values_supported").
        ValidAlgorithms = set.Algorithms.Count == 0 || set.Algorithms.Contains(SigningAlgorithm) ? [SigningAlgorithm] : ["none-accepted"],
    };

    private static bool IsEndorsed(SigningKeySet set, string kid, string? channelId) =>
        !string.IsNullOrWhiteSpace(channelId) && set.Endorsements.TryGetValue(kid, out var endorsed) && endorsed.Contains(channelId);

    private static bool SameServiceUrl(string? claimed, string? actual) =>
        claimed is not null && actual is not null
        && string.Equals(claimed.Trim().TrimEnd('/'), actual.Trim().TrimEnd('/'), StringComparison.OrdinalIgnoreCase);

    private static bool TryReadBearer(string? header, out string token)
    {
        token = "";
        if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return false;
        token = header["Bearer ".Length..].Trim();
        return token.Length > 0;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Teams request refused ({Failure}, HTTP {Status}): {Detail}")]
    private static partial void LogRefused(ILogger logger, BotAuthFailure failure, int status, string? detail);
}
