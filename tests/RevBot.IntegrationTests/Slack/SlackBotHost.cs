using System.Globalization;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RevBot.Core.Storage;
using RevBot.Host.Hosting;
using RevBot.IntegrationTests.Hosting;
using RevBot.Slack.Protocol.Signing;
using RevBot.Testing;

namespace RevBot.IntegrationTests.Slack;

/// <summary>
/// The real host on a small seeded SQLite company, with Slack's Web API faked over HTTP. One per test class: tests use
/// their own channels, threads and event ids, so they can share it.
/// </summary>
public sealed class SlackBotHost : IAsyncLifetime
{
    public const string Secret = "8f742231b10e8888abcd99yyyzzz85a5";
    public const string BotUserId = "UBOT0001";
    public const string RepSlackId = "UREP0001";
    public const string StrangerSlackId = "USTRANGER";

    /// <summary>A second demo user whose Slack language is Spanish (users.info says "es-ES" when asked for the locale).</summary>
    public const string SpanishSlackId = "UREPES01";

    /// <summary>An unmapped Slack user whose Slack language is Spanish.</summary>
    public const string SpanishStrangerSlackId = "USTRANGERES";
    public const string AppToken = "xapp-test-app";

    private readonly SlackBotHostOptions _options;
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private WebApplication? _app;
    private int _socketOpens;
    private FakeSlack? _fake;

    internal FakeSlack Fake => _fake!;

    public WebApplication App => _app!;

    public HttpClient Http { get; private set; } = null!;

    /// <summary>The demo user users.info reports for <see cref="RepSlackId"/>: the owner with the most open deals.</summary>
    public string RepEmail { get; private set; } = "";

    /// <summary>The demo user users.info reports for <see cref="SpanishSlackId"/>: the owner with the second most open deals.</summary>
    public string SpanishRepEmail { get; private set; } = "";

    public SlackBotHost()
        : this(new SlackBotHostOptions())
    {
    }

    internal SlackBotHost(SlackBotHostOptions options) => _options = options;

    /// <summary>Completes when the host has started and <see cref="RepEmail"/> is known: a Socket Mode script waits for it.</summary>
    public Task Started => _started.Task;

    public async ValueTask InitializeAsync()
    {
        _fake = await FakeSlack.StartAsync(Respond, _options.Clock, _options.SocketScript);
        var path = TestFiles.NewPath("slack.db");
        string[] slack = _options.SocketScript is null
            ? [$"--Slack:SigningSecret={Secret}"]
            : ["--Slack:Mode=SocketMode", $"--Slack:AppToken={AppToken}"];
        string[] settings = ["--urls=http://127.0.0.1:0", "--Database:DemoScale=0.02",
            .. slack, "--Slack:BotToken=xoxb-test-bot", $"--Slack:ApiBaseUrl={_fake.ApiBaseUrl}", .. _options.ExtraArgs];
        Action<IServiceCollection> services = services =>
        {
            if (_options.Clock is { } clock) services.AddSingleton(clock);
            _options.Services?.Invoke(services);
        };
        var ct = TestContext.Current.CancellationToken;
        // On a copy of the prepared template unless another database or clock decides what the host would seed.
        _app = _options.Clock is null && !_options.ExtraArgs.Any(a => a.StartsWith("--Database:Target=", StringComparison.Ordinal))
            ? await HostDatabaseTemplates.StartAsync(path, settings, services, ct)
            : await RevBotServer.StartAsync([$"--Database:Target=sqlite:{path}", .. settings], services, ct);
        Http = new HttpClient { BaseAddress = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RevBotDb>();
        var owners = await db.Deals.Where(d => d.Owner != null && d.CloseDate != null).GroupBy(d => d.Owner!.Email)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => g.Key).Take(2).ToListAsync(TestContext.Current.CancellationToken);
        (RepEmail, SpanishRepEmail) = (owners[0], owners[1]);
        _started.SetResult();
    }

    public async ValueTask DisposeAsync()
    {
        Http?.Dispose();
        if (_app is not null)
        {
            // Stop first: disposing alone leaves background workers running against a disposed container.
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        if (_fake is not null) await _fake.DisposeAsync();
    }

    /// <summary>How often apps.connections.open was answered; each answer is a fresh URL (<c>/link?ticket=n</c>).</summary>
    public int SocketOpens => Volatile.Read(ref _socketOpens);

    public Task<HttpResponseMessage> PostSignedAsync(string path, string body, string contentType, IDictionary<string, string>? headers = null)
    {
        var ts = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        request.Headers.Add(SlackSignature.TimestampHeader, ts);
        request.Headers.Add(SlackSignature.SignatureHeader, SlackSignature.Compute(Secret, ts, Encoding.UTF8.GetBytes(body)));
        foreach (var (name, value) in headers ?? new Dictionary<string, string>()) request.Headers.Add(name, value);
        return Http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>Polls the fake (bounded, in real time) until <paramref name="count"/> matching requests arrived.</summary>
    internal async Task<IReadOnlyList<FakeRequest>> WaitForAsync(Func<FakeRequest, bool> match, int count = 1, int timeoutSeconds = 30)
    {
        List<FakeRequest> seen = [];
        await Wait.UntilAsync(() => (seen = [.. Fake.Requests.Where(match)]).Count >= count, TimeSpan.FromSeconds(timeoutSeconds));
        Assert.True(seen.Count >= count, $"The fake Slack saw {seen.Count} matching requests, expected {count}.");
        return seen;
    }

    public static JsonElement Json(string body) => JsonDocument.Parse(body).RootElement.Clone();

    private FakeResponse Respond(FakeRequest request) => _options.Respond?.Invoke(request) ?? request.Method switch
    {
        "apps.connections.open" => FakeResponse.Ok($$"""{"ok":true,"url":"{{SocketUrl(Interlocked.Increment(ref _socketOpens))}}"}"""),
        "auth.test" => FakeResponse.Ok($$"""{"ok":true,"user_id":"{{BotUserId}}","bot_id":"BBOT","team_id":"T1"}"""),
        "users.info" => FakeResponse.Ok(UserInfo(request.Body)),
        "chat.postMessage" => FakeResponse.Ok("""{"ok":true,"channel":"C1","ts":"1700000999.000100"}"""),
        "views.publish" => FakeResponse.Ok("""{"ok":true,"view":{"id":"V1"}}"""),
        _ when request.Method.StartsWith("/respond/", StringComparison.Ordinal) => new FakeResponse(200, "ok"),
        _ => FakeResponse.Ok("""{"ok":true}"""),
    };

    private Uri SocketUrl(int ticket) => new UriBuilder(Fake.BaseUri) { Scheme = "ws", Path = "link", Query = $"ticket={ticket}" }.Uri;

    /// <summary>As Slack answers: the locale only when include_locale=true was asked for ("es-ES" for the Spanish users, "en-US" otherwise).</summary>
    private string UserInfo(string body)
    {
        var email = body.Contains($"user={SpanishSlackId}", StringComparison.Ordinal) ? SpanishRepEmail
            : body.Contains($"user={RepSlackId}", StringComparison.Ordinal) ? RepEmail : "stranger@elsewhere.example";
        var spanish = body.Contains($"user={SpanishSlackId}", StringComparison.Ordinal) || body.Contains($"user={SpanishStrangerSlackId}", StringComparison.Ordinal);
        var locale = body.Contains("include_locale=true", StringComparison.Ordinal) ? (spanish ? "es-ES" : "en-US") : null;
        return JsonSerializer.Serialize(new { ok = true, user = new { id = "x", locale, profile = new { email } } });
    }
}

/// <summary>How a <see cref="SlackBotHost"/> differs from the default (HTTP mode, the system clock, the default answers).</summary>
internal sealed record SlackBotHostOptions
{
    /// <summary>The host's clock and the fake's arrival times; null is the system clock.</summary>
    public TimeProvider? Clock { get; init; }

    /// <summary>Runs the host in Socket Mode: the fake plays Slack's side of each WebSocket with this script.</summary>
    public Func<WebSocket, int, CancellationToken, Task>? SocketScript { get; init; }

    /// <summary>Answers before the default ones; null falls through to them.</summary>
    public Func<FakeRequest, FakeResponse?>? Respond { get; init; }

    /// <summary>More host switches (another platform, the API key); a test that needs a service replaced uses <see cref="Services"/>.</summary>
    public IReadOnlyList<string> ExtraArgs { get; init; } = [];

    /// <summary>Runs after every registration (a log capture, a fake clock); the clock in <see cref="Clock"/> is added first.</summary>
    public Action<IServiceCollection>? Services { get; init; }
}
