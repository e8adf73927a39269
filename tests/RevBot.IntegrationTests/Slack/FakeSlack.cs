using System.Collections.Concurrent;
using System.Net.WebSockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RevBot.Testing;

namespace RevBot.IntegrationTests.Slack;

/// <summary>
/// A local stand-in for Slack on 127.0.0.1:0: records every HTTP request (with the test clock's time of arrival) and
/// answers with what the test scripts; <c>/link</c> accepts WebSockets for Socket Mode scripts.
/// </summary>
internal sealed class FakeSlack : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, int> _calls = new(StringComparer.Ordinal);
    private int _sockets;

    private FakeSlack(WebApplication app, Func<FakeRequest, FakeResponse> respond, Func<WebSocket, int, CancellationToken, Task>? socket, TimeProvider clock)
    {
        _app = app;
        app.UseWebSockets();
        app.Map("/link", async context =>
        {
            if (!context.WebSockets.IsWebSocketRequest || socket is null)
            {
                context.Response.StatusCode = 400;
                return;
            }
            SocketUrls.Enqueue(context.Request.Path + context.Request.QueryString);
            using var ws = await context.WebSockets.AcceptWebSocketAsync();
            await socket(ws, Interlocked.Increment(ref _sockets), context.RequestAborted);
        });
        app.Map("/{**path}", async context =>
        {
            var path = context.Request.Path.Value!;
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync(context.RequestAborted);
            var method = path.StartsWith("/api/", StringComparison.Ordinal) ? path["/api/".Length..] : path;
            var request = new FakeRequest(method, context.Request.Headers.Authorization.ToString(), context.Request.ContentType ?? "", body,
                clock.GetUtcNow(), _calls.AddOrUpdate(method, 1, (_, n) => n + 1));
            Requests.Enqueue(request);
            var response = respond(request);
            context.Response.StatusCode = response.Status;
            if (response.RetryAfterSeconds is { } seconds) context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            context.Response.ContentType = response.Body.StartsWith('{') ? "application/json; charset=utf-8" : "text/plain";
            await context.Response.WriteAsync(response.Body, context.RequestAborted);
        });
    }

    public ConcurrentQueue<FakeRequest> Requests { get; } = new();

    /// <summary>Path and query of each WebSocket connection, in order.</summary>
    public ConcurrentQueue<string> SocketUrls { get; } = new();

    public Uri BaseUri { get; private set; } = null!;

    public string ApiBaseUrl => new Uri(BaseUri, "api/").ToString();

    public IEnumerable<FakeRequest> Calls(string method) => Requests.Where(r => r.Method == method);

    public static async Task<FakeSlack> StartAsync(Func<FakeRequest, FakeResponse> respond, TimeProvider? clock = null, Func<WebSocket, int, CancellationToken, Task>? socket = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var fake = new FakeSlack(builder.Build(), respond, socket, clock ?? TimeProvider.System);
        await fake._app.StartAsync(TestContext.Current.CancellationToken);
        var address = fake._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.BaseUri = new Uri(address.EndsWith('/') ? address : address + "/");
        return fake;
    }

    /// <summary>Waits (in real time, bounded) until the fake has seen <paramref name="count"/> requests.</summary>
    public async Task WaitForRequestsAsync(int count)
    {
        await Wait.UntilAsync(() => Requests.Count >= count, TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(10));
        Assert.True(Requests.Count >= count, $"The fake Slack saw {Requests.Count} requests, expected {count}.");
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

internal sealed record FakeRequest(string Method, string Authorization, string ContentType, string Body, DateTimeOffset At, int Call);

internal sealed record FakeResponse(int Status, string Body, int? RetryAfterSeconds = null)
{
    public static FakeResponse Ok(string json) => new(200, json);
}
