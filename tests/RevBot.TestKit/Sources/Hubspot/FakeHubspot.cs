using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RevBot.Testing.Sources.Hubspot;

/// <summary>
/// A local stand-in for HubSpot's CRM API v3 on 127.0.0.1:0, for tests and the benchmark: owners, deal pipelines,
/// companies, contacts, deals with their stage history, calls/emails/meetings/notes, associations (v4 batch read),
/// search with its result window enforced (400 past it, as HubSpot answers), archived lists, single-deal read and
/// PATCH with HubSpot-style validation errors, note creation. It records every request (bodies included) and can
/// fail chosen requests with 429 (with Retry-After) or 5xx. Requests without the expected bearer token get 401.
/// </summary>
public sealed partial class FakeHubspot : IAsyncDisposable
{
    public const string Token = "pat-fake-hubspot-token";

    private readonly WebApplication _app;
    private readonly List<Failure> _failures = [];

    private FakeHubspot(WebApplication app)
    {
        _app = app;
        app.Map("/{**path}", Handle);
    }

    public FakeHubspotStore Store { get; } = new();

    public ConcurrentQueue<FakeHubspotRequest> Requests { get; } = new();

    /// <summary>How far a search may page (HubSpot: 10,000); small in tests so slicing is exercised quickly.</summary>
    public int SearchWindow { get; set; } = 10_000;

    /// <summary>Extra validation for PATCH, as a portal's rules or required properties: (property, message) per refusal.</summary>
    public Func<FakeHubspotRecord, IReadOnlyDictionary<string, string?>, IEnumerable<(string Property, string Message)>>? Rules { get; set; }

    public Uri BaseUri { get; private set; } = null!;

    public static async Task<FakeHubspot> StartAsync(CancellationToken ct = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var fake = new FakeHubspot(builder.Build());
        await fake._app.StartAsync(ct);
        var address = fake._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.BaseUri = new Uri(address.EndsWith('/') ? address : address + "/");
        return fake;
    }

    /// <summary>Answers the next <paramref name="count"/> requests matching <paramref name="match"/> with <paramref name="status"/>.</summary>
    public void Fail(Func<FakeHubspotRequest, bool> match, int count, int status, int? retryAfterSeconds = null)
    {
        lock (_failures) _failures.Add(new Failure(match, status, retryAfterSeconds) { Remaining = count });
    }

    public IEnumerable<FakeHubspotRequest> Calls(string method, string pathStart) =>
        Requests.Where(r => r.Method == method && r.PathOnly.StartsWith(pathStart, StringComparison.Ordinal));

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task Handle(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var request = new FakeHubspotRequest(context.Request.Method, context.Request.Path + context.Request.QueryString, body,
            context.Request.Headers.Authorization.ToString(), DateTimeOffset.UtcNow);
        context.Response.Headers["X-HubSpot-RateLimit-Max"] = "190";
        context.Response.Headers["X-HubSpot-RateLimit-Interval-Milliseconds"] = "10000";
        context.Response.Headers["X-HubSpot-RateLimit-Remaining"] = "180";
        (int, JsonNode?) answer;
        try
        {
            answer = Scripted(request, context) ?? Answer(request);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or NullReferenceException or FormatException or KeyNotFoundException)
        {
            // A request the fake cannot read is the client's mistake: answered as HubSpot answers a malformed body.
            answer = (400, FakeHubspotJson.Error("VALIDATION_ERROR", "Invalid input JSON: " + e.Message));
        }
        var (status, json) = answer;
        request.Status = status;
        request.Response = json?.ToJsonString();
        Requests.Enqueue(request);
        context.Response.StatusCode = status;
        if (json is not null)
        {
            context.Response.ContentType = "application/json;charset=utf-8";
            await context.Response.WriteAsync(request.Response!, context.RequestAborted);
        }
    }

    private (int, JsonNode?)? Scripted(FakeHubspotRequest request, HttpContext context)
    {
        if (request.Authorization != "Bearer " + Token)
            return (401, FakeHubspotJson.Error("INVALID_AUTHENTICATION", "Authentication credentials not found."));
        Failure? failure;
        lock (_failures)
        {
            failure = _failures.FirstOrDefault(f => f.Remaining > 0 && f.Match(request));
            if (failure is not null) failure.Remaining--;
        }
        if (failure is null) return null;
        if (failure.RetryAfterSeconds is { } seconds) context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (failure.Status == 429)
        {
            context.Response.Headers["X-HubSpot-RateLimit-Remaining"] = "0";
            return (429, FakeHubspotJson.Error("RATE_LIMITS", "You have reached your secondly limit."));
        }
        return (failure.Status, FakeHubspotJson.Error("INTERNAL_ERROR", "Internal error."));
    }

    private (int, JsonNode?) Answer(FakeHubspotRequest request)
    {
        var segments = request.PathOnly.Trim('/').Split('/');
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(request.Path.Contains('?', StringComparison.Ordinal) ? request.Path[request.Path.IndexOf('?', StringComparison.Ordinal)..] : "");
        lock (Store.Gate)
        {
            return (request.Method, segments) switch
            {
                ("GET", ["crm", "v3", "owners"]) => Owners(query),
                ("GET", ["crm", "v3", "pipelines", "deals"]) => Pipelines(),
                ("POST", ["crm", "v3", "objects", var type, "search"]) => Search(type, request.Body),
                ("POST", ["crm", "v3", "objects", var type, "batch", "read"]) => BatchRead(type, request.Body),
                ("POST", ["crm", "v4", "associations", var from, var to, "batch", "read"]) => Associations(from, to, request.Body),
                ("GET", ["crm", "v3", "objects", var type]) when query.TryGetValue("archived", out var archived) && archived == "true" => Archived(type, query),
                ("GET", ["crm", "v3", "objects", var type, var id]) => ReadOne(type, id, query),
                ("PATCH", ["crm", "v3", "objects", "deals", var id]) => Patch(id, request.Body),
                ("POST", ["crm", "v3", "objects", "notes"]) => CreateNote(request.Body),
                _ => (404, FakeHubspotJson.Error("OBJECT_NOT_FOUND", $"No route for {request.Method} {request.PathOnly}.")),
            };
        }
    }

    private sealed class Failure(Func<FakeHubspotRequest, bool> match, int status, int? retryAfterSeconds)
    {
        public Func<FakeHubspotRequest, bool> Match => match;
        public int Status => status;
        public int? RetryAfterSeconds => retryAfterSeconds;
        public int Remaining { get; set; }
    }
}
