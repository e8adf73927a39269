using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using RevBot.Core.Domain;
using RevBot.Core.Outbox;
using RevBot.Data.Demo;
using RevBot.Data.Storage;
using RevBot.IntegrationTests.Outbox;
using RevBot.IntegrationTests.Security;
using RevBot.IntegrationTests.Slack;
using RevBot.IntegrationTests.Teams;
using RevBot.Slack.Protocol.Endpoints;
using RevBot.Testing;

namespace RevBot.IntegrationTests.Outage;

/// <summary>
/// The real host (Slack over HTTP, Teams, the HTTP API, the outbox dispatcher) on a seeded PostgreSQL database that it
/// reaches only through a <see cref="TcpProxy"/> the test cuts and restores. Builds the requests each surface sends.
/// </summary>
internal sealed class OutageWorld : IAsyncDisposable
{
    public const string ApiKey = "outage-api-key-0123456789";
    public const string ApiUser = "api@example.com";
    public const string OutboxChannelPrefix = "COUTBOX";

    private static readonly TestSigningKey Key = new("outage-key");
    private readonly List<IAsyncDisposable> _owned = [];

    private OutageWorld(TestDatabase database, TcpProxy proxy) => (Database, Proxy) = (database, proxy);

    public TestDatabase Database { get; }
    public TcpProxy Proxy { get; }
    public SlackBotHost Host { get; private set; } = null!;
    public FakeConnector Connector { get; private set; } = null!;
    public HttpClient Http => Host.Http;

    /// <summary>What the host logged at Error: an outage is expected and handled, so it must leave nothing here.</summary>
    public LogCapture Errors { get; } = new(LogLevel.Error, exceptionsOnly: false);

    /// <summary>While true, Slack answers the outbox channels' posts "internal_error" (retried later), as a Slack hiccup.</summary>
    public bool OutboxSlackDown { get; set; } = true;

    /// <summary>Each outbox post Slack accepted, as (channel, body), in the order Slack received them.</summary>
    public ConcurrentQueue<(string Channel, string Body)> Delivered { get; } = new();

    public static async Task<OutageWorld> StartAsync(CancellationToken ct)
    {
        var database = await TestDatabase.CreateAsync(DbProvider.Postgres);
        var direct = new NpgsqlConnectionStringBuilder(database.Target.ConnectionString);
        var proxy = TcpProxy.Start(direct.Host!, direct.Port);
        var world = new OutageWorld(database, proxy);
        try
        {
            await using (var db = database.NewContext())
            {
                await DemoSeeder.SeedAsync(db, new DemoSeedOptions { Scale = 0.02, AsOf = DateOnly.FromDateTime(DateTime.UtcNow) }, ct: ct);
                db.Users.Add(new User { Email = ApiUser, Name = "API", Role = UserRole.Revops });
                await db.SaveChangesAsync(ct);
            }
            var openId = await FakeOpenIdProvider.StartAsync();
            world._owned.Add(openId);
            openId.AddBotFrameworkKey(Key, "msteams");
            world.Connector = await FakeConnector.StartAsync();
            world._owned.Add(world.Connector);
            // Through the proxy; the pool as in production. A cut connection fails at once (reset), so no timeouts to wait out.
            var proxied = new NpgsqlConnectionStringBuilder(database.Target.ConnectionString) { Host = "127.0.0.1", Port = proxy.Port, Timeout = 5 };
            world.Host = new SlackBotHost(new SlackBotHostOptions
            {
                ExtraArgs =
                [
                    $"--Database:Target={proxied.ConnectionString}", "--Company:TimeZone=UTC",
                    $"--Teams:AppId={TestTokens.AppId}", "--Teams:AppPassword=outage-secret", $"--Teams:OpenIdMetadataUrl={openId.BotFrameworkMetadataUrl}",
                    $"--Teams:TokenEndpointBaseUrl={world.Connector.TokenEndpointBaseUrl}", $"--Api:Key={ApiKey}", $"--Api:UserEmail={ApiUser}",
                    "--Questions:Burst=10000", "--Questions:PerMinute=10000",
                    "--Outbox:PollInterval=00:00:00.2", "--Outbox:FirstBackoff=00:00:00.2", "--Outbox:MaxBackoff=00:00:01",
                ],
                Respond = world.RespondToOutbox,
                Services = services => services.AddSingleton<ILoggerProvider>(world.Errors),
            });
            await world.Host.InitializeAsync();
            world.Http.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
            return world;
        }
        catch
        {
            await world.DisposeAsync();
            throw;
        }
    }

    private readonly TaskCompletionSource _firstHeld = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _outboxPosts;

    /// <summary>Completes when the first outbox post reached Slack, which holds its answer until <see cref="ReleaseFirst"/>.</summary>
    public Task FirstHeld => _firstHeld.Task;

    /// <summary>Lets Slack answer the held post (a refusal, if Slack is still down).</summary>
    public void ReleaseFirst() => _release.TrySetResult();

    private FakeResponse? RespondToOutbox(FakeRequest request)
    {
        if (request.Method != "chat.postMessage" || !request.Body.Contains(OutboxChannelPrefix, StringComparison.Ordinal)) return null;
        var channel = JsonDocument.Parse(request.Body).RootElement.GetProperty("channel").GetString()!;
        if (Interlocked.Increment(ref _outboxPosts) == 1)
        {
            // A send in flight when the database goes: its outcome cannot be recorded, and its claim must not strand the row.
            _firstHeld.TrySetResult();
            if (!_release.Task.Wait(TimeSpan.FromSeconds(60))) throw new TimeoutException("The held outbox post was never released.");
        }
        if (OutboxSlackDown) return FakeResponse.Ok("""{"ok":false,"error":"internal_error"}""");
        Delivered.Enqueue((channel, request.Body));
        return FakeResponse.Ok($$"""{"ok":true,"channel":"{{channel}}","ts":"1700000999.{{request.Call:000000}}"}""");
    }

    /// <summary>Outbox rows written straight to PostgreSQL (not through the proxy), as any writer would have queued them.</summary>
    public async Task QueueOutboxAsync(IEnumerable<(string Channel, string Title)> rows, CancellationToken ct)
    {
        await using var db = Database.NewContext();
        var at = DateTimeOffset.UtcNow;
        foreach (var (channel, title) in rows) db.Outbox.Add(OutboxWorld.Row(channel, title, at = at.AddMilliseconds(1)));
        await db.SaveChangesAsync(ct);
    }

    public Task<HttpResponseMessage> SlackAsync(string path, string body) =>
        Host.PostSignedAsync(path, body, path == SlackEndpoints.EventsPath ? "application/json" : "application/x-www-form-urlencoded");

    public static string Mention(string eventId, string channel, string ts, string text) => new JsonObject
    {
        ["type"] = "event_callback", ["team_id"] = "T1", ["api_app_id"] = "A1", ["event_id"] = eventId, ["event_time"] = 1700000000,
        ["event"] = new JsonObject
        {
            ["type"] = "app_mention", ["channel"] = channel, ["user"] = SlackBotHost.RepSlackId, ["text"] = $"<@{SlackBotHost.BotUserId}> {text}", ["ts"] = ts,
        },
    }.ToJsonString();

    public string Command(string text, string hook) =>
        $"command=%2Frevbot&text={Uri.EscapeDataString(text)}&team_id=T1&channel_id=COUTCMD&user_id={SlackBotHost.RepSlackId}"
        + $"&response_url={Uri.EscapeDataString(Host.Fake.BaseUri + "respond/" + hook)}&trigger_id=trig-outage";

    public string Press(string actionId, string value, string hook) => "payload=" + Uri.EscapeDataString(new JsonObject
    {
        ["type"] = "block_actions", ["team"] = new JsonObject { ["id"] = "T1" }, ["user"] = new JsonObject { ["id"] = SlackBotHost.RepSlackId },
        ["channel"] = new JsonObject { ["id"] = "COUTBTN" }, ["trigger_id"] = "trig-outage",
        ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = "1700000900.000100", ["channel_id"] = "COUTBTN", ["is_ephemeral"] = true },
        ["response_url"] = Host.Fake.BaseUri + "respond/" + hook,
        ["actions"] = new JsonArray(new JsonObject { ["action_id"] = actionId, ["value"] = value, ["type"] = "button" }),
    }.ToJsonString());

    /// <summary>A deal modal's submission; its origin names the message it came from, as RevBot writes it.</summary>
    public static string Submission(string dealId) => "payload=" + Uri.EscapeDataString(new JsonObject
    {
        ["type"] = "view_submission", ["team"] = new JsonObject { ["id"] = "T1" }, ["user"] = new JsonObject { ["id"] = SlackBotHost.RepSlackId },
        ["view"] = new JsonObject
        {
            ["id"] = "VOUT", ["type"] = "modal", ["callback_id"] = "deal.update",
            ["private_metadata"] = new JsonObject { ["s"] = dealId, ["c"] = "COUTBTN", ["t"] = "1700000900.000100" }.ToJsonString(),
            ["state"] = new JsonObject { ["values"] = new JsonObject { ["amount"] = new JsonObject { ["amount"] = new JsonObject { ["type"] = "plain_text_input", ["value"] = "12345" } } } },
        },
    }.ToJsonString());

    public JsonObject Activity(string type, string conversationId, string? text = null, string? locale = null) => new()
    {
        ["type"] = type, ["id"] = Guid.NewGuid().ToString("N"), ["channelId"] = "msteams", ["serviceUrl"] = Connector.ServiceUrl, ["locale"] = locale,
        ["from"] = new JsonObject { ["id"] = "29:outage-user", ["name"] = "Ana", ["aadObjectId"] = "aad-outage-user" },
        ["recipient"] = new JsonObject { ["id"] = "28:revbot", ["name"] = "RevBot" },
        ["conversation"] = new JsonObject { ["id"] = conversationId, ["conversationType"] = "personal", ["tenantId"] = TestTokens.TenantId },
        ["text"] = text,
    };

    public JsonObject Invoke(string verb, JsonObject data, string? locale = null)
    {
        var invoke = Activity("invoke", "a:outage-cards", locale: locale);
        invoke["name"] = "adaptiveCard/action";
        invoke["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data }, ["trigger"] = "manual" };
        return invoke;
    }

    public JsonObject ConversationUpdate()
    {
        var update = Activity("conversationUpdate", "a:outage-install");
        update["membersAdded"] = new JsonArray(new JsonObject { ["id"] = "28:revbot" });
        return update;
    }

    public async Task<HttpResponseMessage> TeamsAsync(JsonObject activity, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Create(Key, serviceUrl: Connector.ServiceUrl));
        return await Http.SendAsync(request, ct);
    }

    public Task<HttpResponseMessage> PatchAsync(string dealId, int version, string body, CancellationToken ct)
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/deals/{dealId}") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
        return Http.SendAsync(request, ct);
    }

    public async Task<T> DirectAsync<T>(Func<RevBot.Core.Storage.RevBotDb, Task<T>> query)
    {
        await using var db = Database.NewContext();
        return await query(db);
    }

    public async ValueTask DisposeAsync()
    {
        if (Host is not null) await Host.DisposeAsync();
        foreach (var owned in _owned) await owned.DisposeAsync();
        await Proxy.DisposeAsync();
        await Database.DisposeAsync();
    }
}
