using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using RevBot.Core.Storage;
using RevBot.IntegrationTests.Hosting;
using RevBot.Testing;

namespace RevBot.IntegrationTests.Teams;

/// <summary>
/// The real host with Teams on, a seeded SQLite demo company, the local OpenID/JWKS fake vouching for tokens and the
/// fake connector receiving what the bot sends. Tests talk to it over HTTP only.
/// </summary>
public sealed class TeamsBotHost : IAsyncLifetime
{
    private static readonly TestSigningKey Key = new("teams-host-key");
    private readonly IReadOnlyList<string> _extraArgs;
    private WebApplication? _app;
    private FakeOpenIdProvider _keys = null!;

    internal FakeConnector Connector { get; private set; } = null!;
    public HttpClient Http { get; private set; } = null!;
    public string DatabasePath { get; } = TestFiles.NewPath("teams.db");

    public TeamsBotHost()
        : this([])
    {
    }

    /// <param name="extraArgs">More host switches (Teams:PublicBaseUrl for card images).</param>
    internal TeamsBotHost(IReadOnlyList<string> extraArgs) => _extraArgs = extraArgs;

    public async ValueTask InitializeAsync()
    {
        _keys = await FakeOpenIdProvider.StartAsync();
        _keys.AddBotFrameworkKey(Key, "msteams");
        Connector = await FakeConnector.StartAsync();
        _app = await HostDatabaseTemplates.StartAsync(DatabasePath,
        [
            "--urls=http://127.0.0.1:0", "--Database:DemoScale=0.02",
            $"--Teams:AppId={TestTokens.AppId}", "--Teams:AppPassword=test-secret",
            $"--Teams:OpenIdMetadataUrl={_keys.BotFrameworkMetadataUrl}", $"--Teams:TokenEndpointBaseUrl={Connector.TokenEndpointBaseUrl}",
            .. _extraArgs,
        ]);
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Http = new HttpClient { BaseAddress = new Uri(address) };
    }

    public string ValidToken() => TestTokens.Create(Key, serviceUrl: Connector.ServiceUrl);

    /// <summary>Posts an activity to /api/messages; <paramref name="token"/> null means a valid one.</summary>
    public async Task<HttpResponseMessage> PostAsync(JsonObject activity, string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token ?? ValidToken());
        return await Http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public JsonObject Activity(string type, string conversationId, string? text = null, string conversationType = "personal") => new()
    {
        ["type"] = type,
        ["id"] = Guid.NewGuid().ToString("N"),
        ["channelId"] = "msteams",
        ["serviceUrl"] = Connector.ServiceUrl,
        ["from"] = new JsonObject { ["id"] = "29:user-1", ["name"] = "Ana", ["aadObjectId"] = "aad-user-1" },
        ["recipient"] = new JsonObject { ["id"] = "28:revbot", ["name"] = "RevBot" },
        ["conversation"] = new JsonObject { ["id"] = conversationId, ["conversationType"] = conversationType, ["tenantId"] = TestTokens.TenantId },
        ["text"] = text,
    };

    /// <summary>What the bot sent to one conversation (the fake records the unescaped path), waiting until <paramref name="until"/> holds.</summary>
    internal async Task<List<RecordedRequest>> SentToAsync(string conversationId, Func<List<RecordedRequest>, bool> until, int timeoutSeconds = 60)
    {
        var prefix = $"/amer/v3/conversations/{conversationId}/activities";
        List<RecordedRequest> sent = [];
        await Wait.UntilAsync(() => until(sent = [.. Connector.Requests.Where(r => r.Path.StartsWith(prefix, StringComparison.Ordinal))]),
            TimeSpan.FromSeconds(timeoutSeconds), TimeSpan.FromMilliseconds(100));
        return sent;
    }

    /// <summary>Returns once the work the endpoint queued so far is done: what has not been sent by then never will be.</summary>
    public Task QueuedWorkDoneAsync() => WorkQueueDrain.WaitAsync(_app!.Services);

    public Task<T> WithDbAsync<T>(Func<RevBotDb, Task<T>> query) => WithScopeAsync(sp => query(sp.GetRequiredService<RevBotDb>()));

    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> use)
    {
        await using var scope = _app!.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider);
    }

    public static JsonElement Parse(string body) => JsonSerializer.Deserialize<JsonElement>(body);

    public async ValueTask DisposeAsync()
    {
        Http?.Dispose();
        if (_app is not null)
        {
            // Stop first: disposing alone leaves background workers running against a disposed container.
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        await Connector.DisposeAsync();
        await _keys.DisposeAsync();
    }
}
