using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace RevBot.Testing.Salesforce;

/// <summary>
/// A local stand-in for a Salesforce org on 127.0.0.1:0, at the HTTP level: the OAuth token endpoint (a JWT bearer
/// assertion checked against the test's public key, its audience, issuer, subject and a lifetime of at most three
/// minutes; or client credentials), query and queryAll over <see cref="Store"/> in pages with nextRecordsUrl, PATCH of an
/// opportunity honouring If-Unmodified-Since (412), Task creation, and <c>Sforce-Limit-Info</c> on every API answer.
/// <see cref="Script"/> can answer any request first (a 503, a validation error). Every request is recorded.
/// </summary>
public sealed partial class FakeSalesforce : IAsyncDisposable
{
    public const string ClientId = "3MVGfake.consumer.key";
    public const string Username = "revbot@acme.test";
    public const string ClientSecret = "fake-consumer-secret";
    public const string ApiVersion = "v62.0";

    private static readonly Lazy<RSA> Key = new(() => RSA.Create(2048));
    private readonly WebApplication _app;
    private readonly TimeProvider _clock;
    private readonly ConcurrentDictionary<string, bool> _tokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, List<FakeRecord>> _cursors = new(StringComparer.Ordinal);
    private long _apiCalls;
    private int _tokenCount;
    private int _cursorCount;

    private FakeSalesforce(WebApplication app, TimeProvider clock)
    {
        _app = app;
        _clock = clock;
        Store = new FakeSalesforceStore(clock);
        app.MapPost("/services/oauth2/token", TokenAsync);
        app.Map("/services/data/{**rest}", DataAsync);
    }

    /// <summary>The PEM private key the test configures RevBot with (the fake holds its public half).</summary>
    public static string PrivateKeyPem => Key.Value.ExportPkcs8PrivateKeyPem();

    public FakeSalesforceStore Store { get; }

    public ConcurrentQueue<FakeSalesforceRequest> Requests { get; } = new();

    /// <summary>A delay before every data answer: a stand-in for Salesforce's own time per request (benchmarks).</summary>
    public TimeSpan Latency { get; set; }

    public Uri BaseUri { get; private set; } = null!;

    public string BaseUrl => BaseUri.ToString().TrimEnd('/');

    /// <summary>Answers a request before the fake does (null: the fake answers).</summary>
    public Func<FakeSalesforceRequest, FakeSalesforceAnswer?>? Script { get; set; }

    /// <summary>False: CurrencyIsoCode is an INVALID_FIELD, as in an org without multi-currency.</summary>
    public bool MultiCurrency { get; set; }

    /// <summary>Records per page at most (Salesforce's own page is 2000; a smaller batchSize asked for wins).</summary>
    public int PageSize { get; set; } = 2000;

    public long ApiLimit { get; set; } = 100_000;

    /// <summary>API calls counted before this fake's (another integration's), for Sforce-Limit-Info.</summary>
    public long ApiUsedBefore { get; set; }

    public long ApiCalls => Interlocked.Read(ref _apiCalls);

    public int TokensIssued => _tokenCount;

    public IEnumerable<string> Queries => Requests.Where(r => r.Soql is not null).Select(r => r.Soql!);

    public static async Task<FakeSalesforce> StartAsync(TimeProvider? clock = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var fake = new FakeSalesforce(builder.Build(), clock ?? TimeProvider.System);
        await fake._app.StartAsync();
        var address = fake._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.BaseUri = new Uri(address.EndsWith('/') ? address : address + "/");
        return fake;
    }

    /// <summary>Ends every session, as an admin revoking them would: the next call answers 401 INVALID_SESSION_ID.</summary>
    public void ExpireSessions()
    {
        foreach (var token in _tokens.Keys) _tokens[token] = false;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private async Task TokenAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        var form = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(body);
        var request = Record(context, body, null);
        if (Script?.Invoke(request) is { } scripted)
        {
            await WriteAsync(context, scripted, limit: false);
            return;
        }
        var problem = form.GetValueOrDefault("grant_type").ToString() switch
        {
            "urn:ietf:params:oauth:grant-type:jwt-bearer" => await CheckAssertionAsync(form.GetValueOrDefault("assertion").ToString()),
            "client_credentials" => form.GetValueOrDefault("client_id") == ClientId && form.GetValueOrDefault("client_secret") == ClientSecret ? null : "invalid client credentials",
            var other => $"unsupported grant type {other}",
        };
        if (problem is not null)
        {
            await WriteAsync(context, new FakeSalesforceAnswer(400, new JsonObject { ["error"] = "invalid_grant", ["error_description"] = problem }.ToJsonString()), limit: false);
            return;
        }
        var token = $"00Dfake!{Interlocked.Increment(ref _tokenCount)}.{Guid.NewGuid():N}";
        _tokens[token] = true;
        await WriteAsync(context, FakeSalesforceAnswer.Json(new JsonObject
        {
            ["access_token"] = token,
            ["instance_url"] = BaseUrl,
            ["id"] = $"{BaseUrl}/id/00Dfake/005fake",
            ["token_type"] = "Bearer",
            ["issued_at"] = _clock.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
            ["signature"] = "fake",
        }), limit: false);
    }

    /// <summary>The checks Salesforce makes of a JWT bearer assertion: RS256 by the uploaded certificate's key, iss, sub, aud, exp within three minutes.</summary>
    private async Task<string?> CheckAssertionAsync(string assertion)
    {
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(assertion, new TokenValidationParameters
        {
            ValidIssuer = ClientId,
            ValidAudience = BaseUrl,
            IssuerSigningKey = new RsaSecurityKey(Key.Value.ExportParameters(false)),
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            ValidateLifetime = false,
            RequireExpirationTime = true,
        });
        if (!result.IsValid) return $"invalid assertion: {result.Exception?.GetType().Name}";
        var jwt = (JsonWebToken)result.SecurityToken;
        if (jwt.Subject != Username) return "user hasn't approved this consumer";
        var now = _clock.GetUtcNow().UtcDateTime;
        if (jwt.ValidTo <= now || jwt.ValidTo > now.AddMinutes(3).AddSeconds(1)) return "expired authorization code";
        return null;
    }

    private async Task DataAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        var path = context.Request.Path.Value!;
        var soql = path.EndsWith("/query", StringComparison.Ordinal) || path.EndsWith("/queryAll", StringComparison.Ordinal) ? context.Request.Query["q"].ToString() : null;
        var request = Record(context, body, soql);
        Interlocked.Increment(ref _apiCalls);
        if (Latency > TimeSpan.Zero) await Task.Delay(Latency, context.RequestAborted);
        var auth = context.Request.Headers.Authorization.ToString();
        var answer = Script?.Invoke(request)
            ?? (auth.StartsWith("Bearer ", StringComparison.Ordinal) && _tokens.TryGetValue(auth["Bearer ".Length..], out var live) && live
                ? Api(context, request)
                : Errors(401, "INVALID_SESSION_ID", "Session expired or invalid"));
        await WriteAsync(context, answer, limit: true);
    }

    private FakeSalesforceRequest Record(HttpContext context, string body, string? soql)
    {
        var r = context.Request;
        var request = new FakeSalesforceRequest(r.Method, r.Path.Value!, soql, r.Headers.Authorization.ToString(), r.Headers.IfUnmodifiedSince.ToString() is { Length: > 0 } s ? s : null,
            r.Headers["Sforce-Query-Options"].ToString(), body, _clock.GetUtcNow());
        Requests.Enqueue(request);
        return request;
    }

    private async Task WriteAsync(HttpContext context, FakeSalesforceAnswer answer, bool limit)
    {
        context.Response.StatusCode = answer.Status;
        if (limit) context.Response.Headers["Sforce-Limit-Info"] = string.Create(CultureInfo.InvariantCulture, $"api-usage={ApiUsedBefore + ApiCalls}/{ApiLimit}");
        if (answer.RetryAfterSeconds is { } seconds) context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        if (answer.Body.Length == 0) return;
        context.Response.ContentType = "application/json;charset=UTF-8";
        await context.Response.WriteAsync(answer.Body);
    }

    internal static FakeSalesforceAnswer Errors(int status, string code, string message, params string[] fields) =>
        new(status, new JsonArray(new JsonObject { ["message"] = message, ["errorCode"] = code, ["fields"] = new JsonArray([.. fields.Select(f => (JsonNode)f)]) }).ToJsonString());

    /// <summary>A scripted Salesforce error answer.</summary>
    public static FakeSalesforceAnswer Error(int status, string code, string message, params string[] fields) => Errors(status, code, message, fields);

    internal string NewCursor(List<FakeRecord> rest)
    {
        var id = $"01gFAKE{Interlocked.Increment(ref _cursorCount)}";
        _cursors[id] = rest;
        return id;
    }

    internal List<FakeRecord>? TakeCursor(string id) => _cursors.TryGetValue(id, out var rest) ? rest : null;

    internal static JsonSerializerOptions JsonOptions { get; } = new() { WriteIndented = false };
}

/// <summary>A request as the fake saw it; <see cref="Soql"/> is the decoded statement of a query or queryAll.</summary>
public sealed record FakeSalesforceRequest(string Method, string Path, string? Soql, string Authorization, string? IfUnmodifiedSince, string QueryOptions, string Body, DateTimeOffset At);

/// <summary>An answer: status, JSON body (may be empty), and a Retry-After to send.</summary>
public sealed record FakeSalesforceAnswer(int Status, string Body, int? RetryAfterSeconds = null)
{
    public static FakeSalesforceAnswer Json(JsonNode node) => new(200, node.ToJsonString());
}
