using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RevBot.Core.Deals;
using RevBot.Core.Domain;
using RevBot.Core.Sources;
using RevBot.Core.Storage;
using RevBot.Data.Storage;
using RevBot.Host.Hosting;
using RevBot.IntegrationTests.Slack;
using RevBot.IntegrationTests.Teams;
using RevBot.Slack.Protocol.Signing;
using RevBot.Sources.Hubspot;
using RevBot.Sources.Sync;
using RevBot.Testing;
using RevBot.Testing.Deals;
using RevBot.Testing.Sources.Hubspot;

namespace RevBot.IntegrationTests.Sources.WriteBack;

/// <summary>
/// Write-back through the real host: a HubSpot deal marked won from a Slack card and another from a Teams card each
/// reach the fake HubSpot as exactly one PATCH, and a press on a deal changed in HubSpot meanwhile is answered with
/// HubSpot's values and writes nothing there; the next sync brings no duplicate and flips nothing back.
/// </summary>
public sealed class WriteBackHostTests
{
    private const string SlackSecret = "wb0231b10e8888abcd99yyyzzz85a5xx";
    private const string RaeAad = "aad-rae-writeback";
    private static readonly TestSigningKey Key = new("writeback-host-key");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Slack_and_teams_presses_reach_hubspot_once_each_and_a_conflict_is_shown_not_written(DbProvider provider)
    {
        await using var hubspot = await FakeHubspot.StartAsync(Ct);
        FakeHubspotRecord robs, raes, changed;
        lock (hubspot.Store.Gate)
        {
            hubspot.Store.Pipelines.Clear();
            hubspot.Store.Pipelines.Add(HubspotWriteBack.Pipeline);
            FakeHubspotRecord Deal(string name) => hubspot.Store.Create("deals", new Dictionary<string, string?>
            {
                ["dealname"] = name, ["amount"] = "50000", ["pipeline"] = "default", ["dealstage"] = "proposal", ["closedate"] = "2026-12-15T00:00:00.000Z",
            });
            (robs, raes, changed) = (Deal("Rob's"), Deal("Rae's"), Deal("Changed in HubSpot"));
        }
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.NewContext())
        {
            await DealWorld.SeedAsync(db);
            var rob = await db.Users.SingleAsync(u => u.Email == DealWorld.Rob, Ct);
            var rae = await db.Users.SingleAsync(u => u.Email == DealWorld.Rae, Ct);
            rae.TeamsUserId = RaeAad;
            foreach (var (record, owner) in new[] { (robs, rob), (raes, rae), (changed, rob) })
                db.Deals.Add(new Deal
                {
                    Id = "hubspot:" + record.Id, Name = record["dealname"], AccountId = "acc-1", OwnerId = owner.Id, Amount = 50_000m, Stage = "Proposal",
                    Status = DealStatus.Open, CloseDate = new DateOnly(2026, 12, 15), SourceModifiedAt = record.ModifiedAt.UtcDateTime,
                });
            await db.SaveChangesAsync(Ct);
        }
        await using var slack = await FakeSlack.StartAsync(r => r.Method switch
        {
            "auth.test" => FakeResponse.Ok("""{"ok":true,"user_id":"UBOT0001","bot_id":"BBOT","team_id":"T1"}"""),
            _ when r.Method.StartsWith("/respond/", StringComparison.Ordinal) => new FakeResponse(200, "ok"),
            _ => FakeResponse.Ok("""{"ok":true,"channel":"CCS","ts":"1700000999.000100"}"""),
        });
        await using var keys = await FakeOpenIdProvider.StartAsync();
        keys.AddBotFrameworkKey(Key, "msteams");
        await using var connector = await FakeConnector.StartAsync();
        var target = provider == DbProvider.Sqlite ? "sqlite:" + new SqliteConnectionStringBuilder(database.Target.ConnectionString).DataSource : database.Target.ConnectionString;
        string[] args =
        [
            $"--Database:Target={target}", "--urls=http://127.0.0.1:0", "--Database:SeedDemoData=false", $"--Company:TimeZone={DealWorld.TimeZone}",
            $"--Slack:SigningSecret={SlackSecret}", "--Slack:BotToken=xoxb-test-bot", $"--Slack:ApiBaseUrl={slack.ApiBaseUrl}",
            $"--Teams:AppId={TestTokens.AppId}", "--Teams:AppPassword=test-secret",
            $"--Teams:OpenIdMetadataUrl={keys.BotFrameworkMetadataUrl}", $"--Teams:TokenEndpointBaseUrl={connector.TokenEndpointBaseUrl}",
            "--Sources:Hubspot:Enabled=true", "--Sources:Hubspot:Background=false", $"--Sources:Hubspot:AccessToken={FakeHubspot.Token}", $"--Sources:Hubspot:BaseUrl={hubspot.BaseUri}",
        ];
        await using var app = await RevBotServer.StartAsync(args, null, Ct);
        using var http = new HttpClient { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };

        // Rob marks his deal won from a Slack card.
        Assert.Equal(HttpStatusCode.OK, (await SlackPressAsync(http, slack, "hubspot:" + robs.Id, "won-1")).StatusCode);
        await Wait.UntilAsync(() => slack.Requests.Any(r => r.Method == "/respond/won-1"), TimeSpan.FromSeconds(60));
        Assert.Contains("Marked won by Rob Rep just now", Assert.Single(slack.Requests, r => r.Method == "/respond/won-1").Body, StringComparison.Ordinal);
        // Rae marks hers won from a Teams card, in Spanish.
        var teams = await TeamsPressAsync(http, connector, "hubspot:" + raes.Id);
        Assert.Equal(HttpStatusCode.OK, teams.StatusCode);
        Assert.Contains("Marcado como ganado por Rae Rep ahora mismo", await teams.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var patches = hubspot.Calls("PATCH", "/crm/v3/objects/deals/").ToList();
        Assert.Equal(2, patches.Count);
        Assert.Single(patches, p => p.PathOnly.EndsWith("/" + robs.Id, StringComparison.Ordinal));
        Assert.Single(patches, p => p.PathOnly.EndsWith("/" + raes.Id, StringComparison.Ordinal));
        Assert.All(patches, p => Assert.Equal("closedwon", JsonNode.Parse(p.Body)!["properties"]!["dealstage"]!.GetValue<string>()));
        lock (hubspot.Store.Gate) Assert.Equal(("closedwon", "closedwon"), (robs["dealstage"], raes["dealstage"]));

        // Someone moves the third deal in HubSpot; Rob's press on the card he has is answered with HubSpot's values.
        lock (hubspot.Store.Gate) hubspot.Store.Change(changed, new Dictionary<string, string?> { ["amount"] = "77000" });
        await SlackPressAsync(http, slack, "hubspot:" + changed.Id, "won-2");
        await Wait.UntilAsync(() => slack.Requests.Any(r => r.Method == "/respond/won-2"), TimeSpan.FromSeconds(60));
        var answer = Assert.Single(slack.Requests, r => r.Method == "/respond/won-2").Body;
        Assert.Contains("Someone changed this deal in HubSpot meanwhile", answer, StringComparison.Ordinal);
        Assert.Contains("$77,000", answer, StringComparison.Ordinal);
        Assert.Equal(2, hubspot.Calls("PATCH", "/crm/v3/objects/deals/").Count());
        await using var check = database.NewContext();
        var deal = await check.Deals.AsNoTracking().SingleAsync(d => d.Id == "hubspot:" + changed.Id, Ct);
        Assert.Equal((DealStatus.Open, 77_000m, 3), (deal.Status, deal.Amount, deal.Version));
        Assert.Equal(2, await check.CrmWrites.CountAsync(w => w.Outcome == "written", Ct));

        // The next sync brings HubSpot's records back: no duplicate, and the two won deals stay won (no flip-flop).
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var outcome = await scope.ServiceProvider.GetRequiredService<SyncRunner>().RunAsync(
                scope.ServiceProvider.GetRequiredService<RevBotDb>(), SourceConnectors.Find(app.Services, SourceSystem.Hubspot)!, new SyncRequest(), Ct);
            Assert.True(outcome.Succeeded, outcome.Run?.Error);
        }
        var synced = await check.Deals.AsNoTracking().Where(d => d.Id.StartsWith("hubspot:")).ToListAsync(Ct);
        Assert.Equal(3, synced.Count);
        Assert.All(synced.Where(d => d.Id != "hubspot:" + changed.Id), d => Assert.Equal(DealStatus.Won, d.Status));
        Assert.Equal(77_000m, synced.Single(d => d.Id == "hubspot:" + changed.Id).Amount);
        Assert.Equal(2, hubspot.Calls("PATCH", "/crm/v3/objects/deals/").Count());
    }

    private static Task<HttpResponseMessage> SlackPressAsync(HttpClient http, FakeSlack slack, string dealId, string hook)
    {
        var payload = JsonSerializer.Serialize(new
        {
            type = "block_actions",
            team = new { id = "T1" },
            user = new { id = "U0ROB" },
            channel = new { id = "C900" },
            container = new { type = "message", message_ts = "1700000900.000100", channel_id = "C900" },
            trigger_id = $"trig-{hook}",
            response_url = slack.BaseUri + $"respond/{hook}",
            actions = new[] { new { action_id = DealActionIds.Win, value = DealActionValue.Format(dealId, 1, $"nonce-{hook}"), type = "button" } },
        });
        var body = "payload=" + Uri.EscapeDataString(payload);
        var ts = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, RevBot.Slack.Protocol.Endpoints.SlackEndpoints.InteractivityPath) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        request.Headers.Add(SlackSignature.TimestampHeader, ts);
        request.Headers.Add(SlackSignature.SignatureHeader, SlackSignature.Compute(SlackSecret, ts, Encoding.UTF8.GetBytes(body)));
        return http.SendAsync(request, Ct);
    }

    private static Task<HttpResponseMessage> TeamsPressAsync(HttpClient http, FakeConnector connector, string dealId)
    {
        var invoke = new JsonObject
        {
            ["type"] = "invoke", ["id"] = Guid.NewGuid().ToString("N"), ["name"] = "adaptiveCard/action", ["channelId"] = "msteams",
            ["serviceUrl"] = connector.ServiceUrl, ["locale"] = "es-ES",
            ["from"] = new JsonObject { ["id"] = "29:rae", ["name"] = "Rae", ["aadObjectId"] = RaeAad },
            ["recipient"] = new JsonObject { ["id"] = "28:revbot", ["name"] = "RevBot" },
            ["conversation"] = new JsonObject { ["id"] = "a:writeback", ["conversationType"] = "personal", ["tenantId"] = TestTokens.TenantId },
            ["value"] = new JsonObject
            {
                ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = DealActionIds.Win, ["data"] = new JsonObject { ["value"] = DealActionValue.Format(dealId, 1, "teams-nonce") } },
                ["trigger"] = "manual",
            },
        };
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent(invoke.ToJsonString(), Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Create(Key, serviceUrl: connector.ServiceUrl));
        return http.SendAsync(request, Ct);
    }
}
