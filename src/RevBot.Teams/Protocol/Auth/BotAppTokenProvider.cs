using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace RevBot.Teams.Protocol.Auth;

/// <summary>
/// The bot's own access token for the connector: OAuth2 client credentials against
/// <c>{TokenEndpointBaseUrl}/{TenantId or botframework.com}/oauth2/v2.0/token</c>, scope
/// <c>https://api.botframework.com/.default</c>, cached until five minutes before it expires. One request at a time.
/// </summary>
public sealed partial class BotAppTokenProvider(
    IHttpClientFactory httpFactory, IOptions<TeamsOptions> options, TimeProvider time, ILogger<BotAppTokenProvider> log)
{
    public const string Scope = "https://api.botframework.com/.default";
    public const string MultiTenantAuthority = "botframework.com";
    private static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);
    private readonly TeamsOptions _options = options.Value;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private CachedToken? _cached;

    /// <summary>False in anonymous development mode: calls go out without a token.</summary>
    public bool HasCredentials => _options.HasCredentials;

    /// <summary>The token, or null when there are no credentials. Throws <see cref="BotTokenException"/> when it cannot be had.</summary>
    public async Task<string?> GetTokenAsync(CancellationToken ct)
    {
        if (!HasCredentials) return null;
        if (_cached is { } fresh && time.GetUtcNow() < fresh.RefreshAt) return fresh.Value;
        await _gate.WaitAsync(ct);
        try
        {
            if (_cached is { } again && time.GetUtcNow() < again.RefreshAt) return again.Value;
            _cached = await RequestAsync(ct);
            return _cached.Value;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Forget the cached token (the connector answered 401 with it).</summary>
    public void Invalidate() => _cached = null;

    private async Task<CachedToken> RequestAsync(CancellationToken ct)
    {
        var authority = string.IsNullOrWhiteSpace(_options.TenantId) ? MultiTenantAuthority : _options.TenantId;
        var endpoint = new Uri($"{_options.TokenEndpointBaseUrl.TrimEnd('/')}/{authority}/oauth2/v2.0/token");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = _options.AppId!,
            ["client_secret"] = _options.AppPassword!,
            ["scope"] = Scope,
        });
        var http = httpFactory.CreateClient(TeamsServiceCollectionExtensions.HttpClientName);
        HttpResponseMessage response;
        try { response = await http.PostAsync(endpoint, form, ct); }
        catch (HttpRequestException ex) { throw new BotTokenException($"The token endpoint {endpoint} could not be reached: {ex.Message}", ex); }
        using (response)
        {
            TokenResponse? body = null;
            try { body = await response.Content.ReadFromJsonAsync<TokenResponse>(ct); }
            catch (JsonException) { /* an HTML error page: reported by status below */ }
            if (!response.IsSuccessStatusCode || string.IsNullOrEmpty(body?.AccessToken))
                throw new BotTokenException($"The token endpoint answered {(int)response.StatusCode} {body?.Error}: {body?.ErrorDescription}");
            var lifetime = TimeSpan.FromSeconds(Math.Max(60, body.ExpiresIn));
            var margin = lifetime > 2 * RefreshMargin ? RefreshMargin : lifetime / 2;
            LogTokenIssued(log, (int)lifetime.TotalSeconds);
            return new CachedToken(body.AccessToken, time.GetUtcNow() + lifetime - margin);
        }
    }

    private sealed record CachedToken(string Value, DateTimeOffset RefreshAt);

    private sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string? AccessToken,
        [property: JsonPropertyName("expires_in")] long ExpiresIn,
        [property: JsonPropertyName("error")] string? Error,
        [property: JsonPropertyName("error_description")] string? ErrorDescription);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Bot token obtained, valid for {Seconds} s.")]
    private static partial void LogTokenIssued(ILogger logger, int seconds);
}
