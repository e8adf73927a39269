using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using RevBot.Core.Deals;
using RevBot.Data.Storage;
using RevBot.Host.Hosting;
using RevBot.IntegrationTests.Slack;
using RevBot.IntegrationTests.Teams;
using RevBot.Slack.Protocol.Signing;
using RevBot.Testing;
using RevBot.Testing.Deals;

namespace RevBot.IntegrationTests.Sources.WriteBack;

/// <summary>
/// The real host for the write-back end-to-end tests, with a fake Slack, a fake Teams connector and its signing keys,
/// and the presses a person makes on a deal card: "Mark won" from Slack (Rob, U0ROB) and from Teams (Rae, in Spanish).
/// The CRM's own settings come from the test.
/// </summary>
internal sealed class WriteBackHost : IAsyncDisposable
{
    public const string SlackSecret = "wb0231b10e8888abcd99yyyzzz85a5xx";
    public const string RaeAad = "aad-rae-writeback";
    public const string ApiKey = "writeback-host-api-key-0123456789";
    private static readonly TestSigningKey Key = new("writeback-host-key");

    private WriteBackHost(FakeSlack slack, FakeOpenIdProvider keys, FakeConnector connector, WebApplication app)
    {
        Slack = slack;
        Keys = keys;
        Connector = connector;
        App = app;
        Http = new HttpClient { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };
    }

    public FakeSlack Slack { get; }
    public FakeOpenIdProvider Keys { get; }
    public FakeConnector Connector { get; }
    public WebApplication App { get; }
    public HttpClient Http { get; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <param name="crm">The CRM's settings, as command-line arguments.</param>
    public static async Task<WriteBackHost> StartAsync(TestDatabase database, params string[] crm)
    {
        var slack = await FakeSlack.StartAsync(r => r.Method switch
        {
            "auth.test" => FakeResponse.Ok("""{"ok":true,"user_id":"UBOT0001","bot_id":"BBOT","team_id":"T1"}"""),
            _ when r.Method.StartsWith("/respond/", StringComparison.Ordinal) => new FakeResponse(200, "ok"),
            _ => FakeResponse.Ok("""{"ok":true,"channel":"CCS","ts":"1700000999.000100"}"""),
        });
        var keys = await FakeOpenIdProvider.StartAsync();
        keys.AddBotFrameworkKey(Key, "msteams");
        var connector = await FakeConnector.StartAsync();
        var target = database.Target.Provider == DbProvider.Sqlite
            ? "sqlite:" + new SqliteConnectionStringBuilder(database.Target.ConnectionString).DataSource
            : database.Target.ConnectionString;
        string[] args =
        [
            $"--Database:Target={target}", "--urls=http://127.0.0.1:0", "--Database:SeedDemoData=false", $"--Company:TimeZone={DealWorld.TimeZone}",
            $"--Slack:SigningSecret={SlackSecret}", "--Slack:BotToken=xoxb-test-bot", $"--Slack:ApiBaseUrl={slack.ApiBaseUrl}",
            $"--Teams:AppId={TestTokens.AppId}", "--Teams:AppPassword=test-secret",
            $"--Teams:OpenIdMetadataUrl={keys.BotFrameworkMetadataUrl}", $"--Teams:TokenEndpointBaseUrl={connector.TokenEndpointBaseUrl}",
            $"--Api:Key={ApiKey}", $"--Api:UserEmail={DealWorld.Rita}",
            .. crm,
        ];
        var app = await RevBotServer.StartAsync(args, null, Ct);
        return new WriteBackHost(slack, keys, connector, app);
    }

    /// <summary>Rob presses "Mark won" on the card of <paramref name="dealId"/> in Slack; the answer goes to respond/<paramref name="hook"/>.</summary>
    public Task<HttpResponseMessage> SlackWinAsync(string dealId, string hook, int version = 1)
    {
        var payload = JsonSerializer.Serialize(new
        {
            type = "block_actions",
            team = new { id = "T1" },
            user = new { id = "U0ROB" },
            channel = new { id = "C900" },
            container = new { type = "message", message_ts = "1700000900.000100", channel_id = "C900" },
            trigger_id = $"trig-{hook}",
            response_url = Slack.BaseUri + $"respond/{hook}",
            actions = new[] { new { action_id = DealActionIds.Win, value = DealActionValue.Format(dealId, version, $"nonce-{hook}"), type = "button" } },
        });
        var body = "payload=" + Uri.EscapeDataString(payload);
        var ts = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, RevBot.Slack.Protocol.Endpoints.SlackEndpoints.InteractivityPath) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        request.Headers.Add(SlackSignature.TimestampHeader, ts);
        request.Headers.Add(SlackSignature.SignatureHeader, SlackSignature.Compute(SlackSecret, ts, Encoding.UTF8.GetBytes(body)));
        return Http.SendAsync(request, Ct);
    }

    /// <summary>Rae presses "Mark won" on the card of <paramref name="dealId"/> in Teams (es-ES); the invoke response is the answer.</summary>
    public Task<HttpResponseMessage> TeamsWinAsync(string dealId, int version = 1)
    {
        var invoke = new JsonObject
        {
            ["type"] = "invoke", ["id"] = Guid.NewGuid().ToString("N"), ["name"] = "adaptiveCard/action", ["channelId"] = "msteams",
            ["serviceUrl"] = Connector.ServiceUrl, ["locale"] = "es-ES",
            ["from"] = new JsonObject { ["id"] = "29:rae", ["name"] = "Rae", ["aadObjectId"] = RaeAad },
            ["recipient"] = new JsonObject { ["id"] = "28:revbot", ["name"] = "RevBot" },
            ["conversation"] = new JsonObject { ["id"] = "a:writeback", ["conversationType"] = "personal", ["tenantId"] = TestTokens.TenantId },
            ["value"] = new JsonObject
            {
                ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = DealActionIds.Win, ["data"] = new JsonObject { ["value"] = DealActionValue.Format(dealId, version, $"teams-nonce-{dealId}") } },
                ["trigger"] = "manual",
            },
        };
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent(invoke.ToJsonString(), Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Create(Key, serviceUrl: Connector.ServiceUrl));
        return Http.SendAsync(request, Ct);
    }

    /// <summary>The body Slack's response_url received for <paramref name="hook"/>, once it has.</summary>
    public async Task<string> SlackAnswerAsync(string hook)
    {
        await Wait.UntilAsync(() => Slack.Requests.Any(r => r.Method == "/respond/" + hook), TimeSpan.FromSeconds(60));
        return Assert.Single(Slack.Requests, r => r.Method == "/respond/" + hook).Body;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.DisposeAsync();
        await Connector.DisposeAsync();
        await Keys.DisposeAsync();
        await Slack.DisposeAsync();
    }
}
