using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace RevBot.IntegrationTests.Teams;

/// <summary>
/// Serves an OpenID metadata document and a JWKS like login.botframework.com's (RSA keys with <c>endorsements</c>),
/// at <c>/botframework/...</c>, and an Entra-like one without endorsements at <c>/entra/...</c>. Keys can be added live.
/// </summary>
internal sealed class FakeOpenIdProvider : IAsyncDisposable
{
    private readonly LocalServer _server;
    private readonly List<(TestSigningKey Key, string[] Endorsements)> _botFrameworkKeys = [];
    private readonly List<TestSigningKey> _entraKeys = [];
    private int _metadataRequests;

    private FakeOpenIdProvider(LocalServer server) => _server = server;

    public string BotFrameworkMetadataUrl => $"{_server.BaseUrl}/botframework/.well-known/openidconfiguration";
    public string EntraMetadataUrl => $"{_server.BaseUrl}/entra/v2.0/.well-known/openid-configuration";
    public int MetadataRequests => Volatile.Read(ref _metadataRequests);

    public static async Task<FakeOpenIdProvider> StartAsync()
    {
        FakeOpenIdProvider? provider = null;
        var server = await LocalServer.StartAsync(app =>
        {
            app.MapGet("/botframework/.well-known/openidconfiguration", (HttpContext c) => provider!.Metadata(c, "botframework", "https://api.botframework.com"));
            app.MapGet("/entra/v2.0/.well-known/openid-configuration", (HttpContext c) => provider!.Metadata(c, "entra", "https://login.microsoftonline.com/{tenantid}/v2.0"));
            app.MapGet("/botframework/keys", () => Results.Text(provider!.Jwks(entra: false), "application/json"));
            app.MapGet("/entra/keys", () => Results.Text(provider!.Jwks(entra: true), "application/json"));
        });
        provider = new FakeOpenIdProvider(server);
        return provider;
    }

    public void AddBotFrameworkKey(TestSigningKey key, params string[] endorsements)
    {
        lock (_botFrameworkKeys) _botFrameworkKeys.Add((key, endorsements));
    }

    public void AddEntraKey(TestSigningKey key)
    {
        lock (_botFrameworkKeys) _entraKeys.Add(key);
    }

    private IResult Metadata(HttpContext context, string prefix, string issuer)
    {
        Interlocked.Increment(ref _metadataRequests);
        var origin = $"{context.Request.Scheme}://{context.Request.Host}";
        return Results.Json(new JsonObject
        {
            ["issuer"] = issuer,
            ["jwks_uri"] = $"{origin}/{prefix}/keys",
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
        });
    }

    private string Jwks(bool entra)
    {
        var keys = new JsonArray();
        lock (_botFrameworkKeys)
        {
            foreach (var key in _entraKeys.Where(_ => entra)) keys.Add(key.ToJwk());
            foreach (var (key, endorsements) in _botFrameworkKeys.Where(_ => !entra))
            {
                var jwk = key.ToJwk();
                jwk["endorsements"] = new JsonArray([.. endorsements.Select(e => JsonValue.Create(e))]);
                keys.Add(jwk);
            }
        }
        return new JsonObject { ["keys"] = keys }.ToJsonString();
    }

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();
}
