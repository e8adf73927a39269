using System.Globalization;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using RevBot.Core.Domain;
using RevBot.Sources.Sync;

namespace RevBot.Sources.Salesforce;

/// <summary>
/// The access token for the org: asked for with the JWT bearer flow (an RS256 assertion signed with the configured
/// private key, audience the login URL, expiring in three minutes) or client credentials; cached, and renewed before the
/// session lifetime runs out (Salesforce's answer carries <c>issued_at</c> but no expiry) or when Salesforce says the
/// session is invalid. One request at a time renews it; the token is never logged.
/// </summary>
public sealed class SalesforceTokens(IHttpClientFactory http, IOptionsMonitor<SalesforceOptions> options, TimeProvider time, ILogger<SalesforceTokens> log)
{
    /// <summary>How long before the session lifetime ends RevBot asks for a new token.</summary>
    internal static readonly TimeSpan RenewAhead = TimeSpan.FromMinutes(10);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private SalesforceSession? _session;

    /// <summary>A session valid for a while yet.</summary>
    public async Task<SalesforceSession> GetAsync(CancellationToken ct)
    {
        if (_session is { } current && time.GetUtcNow() < current.RenewAt) return current;
        return await RenewAsync(_session, ct);
    }

    /// <summary>A new session, unless another caller already replaced <paramref name="stale"/>.</summary>
    public async Task<SalesforceSession> RenewAsync(SalesforceSession? stale, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            if (_session is { } current && !ReferenceEquals(current, stale) && time.GetUtcNow() < current.RenewAt) return current;
            _session = await RequestAsync(ct);
            log.LogInformation("Signed in to Salesforce at {Instance}; the session is renewed after {RenewAt:u}.", _session.InstanceUrl, _session.RenewAt);
            return _session;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<SalesforceSession> RequestAsync(CancellationToken ct)
    {
        var o = options.CurrentValue;
        var form = o.UsesJwt
            ? new Dictionary<string, string> { ["grant_type"] = "urn:ietf:params:oauth:grant-type:jwt-bearer", ["assertion"] = Assertion(o) }
            : new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = o.ClientId!,
                ["client_secret"] = SecretSetting.Read(o.ClientSecret, o.ClientSecretFile) ?? throw new SyncFailedException("Sources:Salesforce:ClientSecret is empty."),
            };
        var endpoint = new Uri(new Uri(Slash(o.UsesJwt ? o.LoginUrl : o.InstanceUrl!)), "services/oauth2/token");
        using var client = http.CreateClient(SourceHttp.ClientName(SourceSystem.Salesforce));
        using var content = new FormUrlEncodedContent(form);
        using var response = await client.PostAsync(endpoint, content, ct);
        if (!response.IsSuccessStatusCode)
        {
            // The error's code and description are safe to show ("invalid_grant: user hasn't approved this consumer").
            var error = await ReadAsync<TokenError>(response, ct);
            throw new SyncFailedException($"Salesforce refused RevBot's sign-in ({(int)response.StatusCode} {error?.Error}: {error?.Description}).");
        }
        var token = await ReadAsync<TokenAnswer>(response, ct);
        if (token?.AccessToken is not { Length: > 0 } access || SalesforceOptions.Url(o.InstanceUrl ?? token.InstanceUrl) is not { } instance)
            throw new SyncFailedException("Salesforce's token answer had no access token or instance URL.");
        var issued = long.TryParse(token.IssuedAt, NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : time.GetUtcNow();
        return new SalesforceSession(access, new Uri(Slash(instance.ToString())), issued + o.SessionLifetime - RenewAhead);
    }

    /// <summary>The JWT bearer assertion: iss the consumer key, sub the username, aud the login URL, exp three minutes on.</summary>
    private string Assertion(SalesforceOptions o)
    {
        var pem = SecretSetting.Read(o.PrivateKey, o.PrivateKeyFile) ?? throw new SyncFailedException("Sources:Salesforce:PrivateKey is empty.");
        using var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(pem);
        }
        catch (ArgumentException)
        {
            throw new SyncFailedException("Sources:Salesforce:PrivateKey is not a PEM RSA private key.");
        }
        // The key is made per assertion: no signature provider is cached for it.
        var key = new RsaSecurityKey(rsa) { CryptoProviderFactory = new CryptoProviderFactory { CacheSignatureProviders = false } };
        var now = time.GetUtcNow().UtcDateTime;
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = o.ClientId,
            Audience = o.LoginUrl.TrimEnd('/'),
            Claims = new Dictionary<string, object> { ["sub"] = o.Username! },
            Expires = now.AddMinutes(3),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
    }

    private static async Task<T?> ReadAsync<T>(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<T>(ct);
        }
        catch (JsonException)
        {
            return default;
        }
    }

    private static string Slash(string url) => url.EndsWith('/') ? url : url + "/";

    private sealed record TokenAnswer(
        [property: JsonPropertyName("access_token")] string? AccessToken,
        [property: JsonPropertyName("instance_url")] string? InstanceUrl,
        [property: JsonPropertyName("issued_at")] string? IssuedAt);

    private sealed record TokenError(
        [property: JsonPropertyName("error")] string? Error,
        [property: JsonPropertyName("error_description")] string? Description);
}

/// <summary>An access token, the org's instance URL to call, and when to ask for the next token.</summary>
public sealed record SalesforceSession(string AccessToken, Uri InstanceUrl, DateTimeOffset RenewAt)
{
    /// <summary>Never the token itself.</summary>
    public override string ToString() => $"Salesforce session at {InstanceUrl}";
}
