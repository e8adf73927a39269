using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using RevBot.Core.Domain;
using RevBot.Data.Storage;
using RevBot.Host.Hosting;
using RevBot.IntegrationTests.Slack;
using RevBot.IntegrationTests.Teams;
using RevBot.Slack.Protocol.Signing;
using RevBot.Testing;
using RevBot.Testing.Deals;

namespace RevBot.IntegrationTests.Deals;

/// <summary>
/// The real host over a fresh <see cref="DealWorld"/> database (SQLite or PostgreSQL) with the API, Slack (faked over
/// HTTP) and Teams (fake OpenID keys and connector) all on, and hand-offs configured, so a won deal writes a hand-off,
/// its outbox row and an audit entry. Rob is Slack user U0ROB, Rae Teams user <see cref="RaeAad"/>.
/// </summary>
public sealed class DealRaceWorld : IAsyncDisposable
{
    public const string ApiKey = "deal-race-test-key-0123456789";
    public const string ApiUser = "crm-sync@example.com";
    public const string SlackSecret = "race0231b10e8888abcd99yyyzzz85a5";
    public const string RaeAad = "aad-rae-race";
    private static readonly TestSigningKey Key = new("deal-race-key");

    private DealRaceWorld(TestDatabase database, FakeSlack slack, FakeOpenIdProvider keys, FakeConnector connector, WebApplication app)
    {
        Database = database;
        Slack = slack;
        Keys = keys;
        Connector = connector;
        App = app;
        Http = new HttpClient { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };
    }

    public TestDatabase Database { get; }
    internal FakeSlack Slack { get; }
    internal FakeOpenIdProvider Keys { get; }
    internal FakeConnector Connector { get; }
    public WebApplication App { get; }
    public HttpClient Http { get; }

    /// <param name="extra">More settings ("--Approvals:AmountCutPercent=20").</param>
    public static async Task<DealRaceWorld> StartAsync(DbProvider provider, params string[] extra)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.NewContext())
        {
            await DealWorld.SeedAsync(db);
            db.Users.Add(new User { Email = ApiUser, Name = "CRM Sync", Role = UserRole.Revops });
            var rae = db.Users.Single(u => u.Email == DealWorld.Rae);
            rae.TeamsUserId = RaeAad;
            var rob = db.Users.Single(u => u.Email == DealWorld.Rob);
            rob.SlackUserId = "U0ROB";
            await db.SaveChangesAsync();
        }
        var slack = await FakeSlack.StartAsync(r => r.Method switch
        {
            "auth.test" => FakeResponse.Ok("""{"ok":true,"user_id":"UBOT0001","bot_id":"BBOT","team_id":"T1"}"""),
            _ when r.Method.StartsWith("/respond/", StringComparison.Ordinal) => new FakeResponse(200, "ok"),
            _ => FakeResponse.Ok("""{"ok":true,"channel":"CCS","ts":"1700000999.000100"}"""),
        });
        var keys = await FakeOpenIdProvider.StartAsync();
        keys.AddBotFrameworkKey(Key, "msteams");
        var connector = await FakeConnector.StartAsync();
        var target = provider == DbProvider.Sqlite
            ? "sqlite:" + new SqliteConnectionStringBuilder(database.Target.ConnectionString).DataSource
            : database.Target.ConnectionString;
        var app = await RevBotServer.StartAsync(
        [
            $"--Database:Target={target}", "--urls=http://127.0.0.1:0", "--Database:SeedDemoData=false",
            $"--Company:TimeZone={DealWorld.TimeZone}",
            $"--Api:Key={ApiKey}", $"--Api:UserEmail={ApiUser}",
            "--Handoffs:CustomerSuccessDefault=slack:CCS",
            $"--Slack:SigningSecret={SlackSecret}", "--Slack:BotToken=xoxb-test-bot", $"--Slack:ApiBaseUrl={slack.ApiBaseUrl}",
            $"--Teams:AppId={TestTokens.AppId}", "--Teams:AppPassword=test-secret",
            $"--Teams:OpenIdMetadataUrl={keys.BotFrameworkMetadataUrl}", $"--Teams:TokenEndpointBaseUrl={connector.TokenEndpointBaseUrl}",
            .. extra,
        ], TestContext.Current.CancellationToken);
        return new DealRaceWorld(database, slack, keys, connector, app);
    }

    public Task<HttpResponseMessage> PatchAsync(string id, string body, int version)
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/deals/{id}") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Api-Key", ApiKey);
        request.Headers.TryAddWithoutValidation("If-Match", $"\"{version.ToString(CultureInfo.InvariantCulture)}\"");
        return Http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>A signed Slack interactivity POST of <paramref name="payload"/>.</summary>
    public Task<HttpResponseMessage> SlackInteractAsync(string payload)
    {
        var body = "payload=" + Uri.EscapeDataString(payload);
        var ts = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, RevBot.Slack.Protocol.Endpoints.SlackEndpoints.InteractivityPath)
        {
            Content = new StringContent(body, Encoding.UTF8),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        request.Headers.Add(SlackSignature.TimestampHeader, ts);
        request.Headers.Add(SlackSignature.SignatureHeader, SlackSignature.Compute(SlackSecret, ts, Encoding.UTF8.GetBytes(body)));
        return Http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>A signed Teams <c>adaptiveCard/action</c> invoke from Rae (or the user <paramref name="aad"/>) with <paramref name="locale"/>.</summary>
    /// <param name="conversation">The conversation pressed in: a personal chat unless a channel's id is given (its type "channel").</param>
    public Task<HttpResponseMessage> TeamsInvokeAsync(string verb, JsonObject data, string locale, string aad = RaeAad, string? conversation = null)
    {
        var invoke = new JsonObject
        {
            ["type"] = "invoke",
            ["id"] = Guid.NewGuid().ToString("N"),
            ["name"] = "adaptiveCard/action",
            ["channelId"] = "msteams",
            ["serviceUrl"] = Connector.ServiceUrl,
            ["locale"] = locale,
            ["from"] = new JsonObject { ["id"] = aad == RaeAad ? "29:rae" : "29:" + aad, ["name"] = aad == RaeAad ? "Rae" : aad, ["aadObjectId"] = aad },
            ["recipient"] = new JsonObject { ["id"] = "28:revbot", ["name"] = "RevBot" },
            ["conversation"] = new JsonObject { ["id"] = conversation ?? "a:deal-race", ["conversationType"] = conversation is null ? "personal" : "channel", ["tenantId"] = TestTokens.TenantId },
            ["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data }, ["trigger"] = "manual" },
        };
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent(invoke.ToJsonString(), Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Create(Key, serviceUrl: Connector.ServiceUrl));
        return Http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        await Slack.DisposeAsync();
        await Connector.DisposeAsync();
        await Keys.DisposeAsync();
        await Database.DisposeAsync();
    }
}
