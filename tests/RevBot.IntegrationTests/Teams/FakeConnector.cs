using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace RevBot.IntegrationTests.Teams;

/// <summary>
/// A local stand-in for Entra's token endpoint (<c>/login/{tenant}/oauth2/v2.0/token</c>) and the Bot Connector
/// (<c>/amer/v3/...</c>). Records every request; answers with scripted status codes, then 200. The roster
/// (<c>GET …/members/{userId}</c>) answers from <see cref="Members"/>, 404 for anyone else.
/// </summary>
internal sealed class FakeConnector : IAsyncDisposable
{
    private readonly LocalServer _server;
    private readonly ConcurrentQueue<int> _script = new();
    private int _tokensIssued;

    private FakeConnector(LocalServer server) => _server = server;

    public string BaseUrl => _server.BaseUrl;
    public string ServiceUrl => $"{_server.BaseUrl}/amer/";
    public string TokenEndpointBaseUrl => $"{_server.BaseUrl}/login";
    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();
    public ConcurrentQueue<IReadOnlyDictionary<string, string>> TokenRequests { get; } = new();

    /// <summary>Roster entries by user id (the "29:" id), as Teams returns them: id, aadObjectId, email, userPrincipalName…</summary>
    public ConcurrentDictionary<string, Dictionary<string, string>> Members { get; } = new(StringComparer.Ordinal);

    public static async Task<FakeConnector> StartAsync()
    {
        FakeConnector? fake = null;
        var server = await LocalServer.StartAsync(app =>
        {
            app.MapPost("/login/{tenant}/oauth2/v2.0/token", (string tenant, HttpContext c) => fake!.IssueToken(tenant, c));
            app.Map("/{**rest}", (Delegate)((HttpContext c) => fake!.Connector(c)));
        });
        fake = new FakeConnector(server);
        return fake;
    }

    /// <summary>The next connector requests answer these statuses, in order; after that, 200.</summary>
    public void Script(params int[] statuses) => Array.ForEach(statuses, _script.Enqueue);

    private async Task<IResult> IssueToken(string tenant, HttpContext context)
    {
        var form = await context.Request.ReadFormAsync();
        var fields = form.ToDictionary(f => f.Key, f => f.Value.ToString());
        fields["tenant"] = tenant;
        TokenRequests.Enqueue(fields);
        var n = Interlocked.Increment(ref _tokensIssued);
        return Results.Json(new Dictionary<string, object> { ["token_type"] = "Bearer", ["expires_in"] = 3600, ["access_token"] = $"token-{n}" });
    }

    private async Task<IResult> Connector(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        var path = context.Request.Path.Value + context.Request.QueryString;
        Requests.Enqueue(new RecordedRequest(context.Request.Method, path, context.Request.Headers.Authorization.ToString(), body, DateTimeOffset.UtcNow));
        if (_script.TryDequeue(out var status) && status != 200)
            return Results.Json(new { error = new { code = "Scripted", message = $"scripted {status}" } }, statusCode: status);
        if (HttpMethods.IsGet(context.Request.Method) && context.Request.Path.Value is { } p && p.Contains("/members/", StringComparison.Ordinal))
        {
            return Members.TryGetValue(p[(p.LastIndexOf('/') + 1)..], out var member)
                ? Results.Json(member)
                : Results.Json(new { error = new { code = "MemberNotFoundInConversation", message = "The user is not a member of the conversation." } }, statusCode: 404);
        }
        return path.EndsWith("/v3/conversations", StringComparison.Ordinal)
            ? Results.Json(new { id = "a:new-conversation", activityId = (string?)null })
            : Results.Json(new { id = $"activity-{Requests.Count}" });
    }

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();
}
