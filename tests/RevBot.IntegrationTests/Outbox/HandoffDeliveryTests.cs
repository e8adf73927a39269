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
using Microsoft.Extensions.DependencyInjection;
using RevBot.Core.Chat;
using RevBot.Core.Domain;
using RevBot.Core.Handoffs;
using RevBot.Core.Outbox;
using RevBot.Core.Storage;
using RevBot.Data.Storage;
using RevBot.Host.Hosting;
using RevBot.IntegrationTests.Deals;
using RevBot.IntegrationTests.Slack;
using RevBot.IntegrationTests.Teams;
using RevBot.Slack.Protocol.Endpoints;
using RevBot.Slack.Protocol.Signing;
using RevBot.Testing;
using RevBot.Testing.Deals;

namespace RevBot.IntegrationTests.Outbox;

/// <summary>
/// Hand-offs for real, through the host: a deal marked won over the HTTP API is handed off to the customer-success
/// channel its region routes to (Slack or Teams, both faked over HTTP) by the outbox dispatcher, and "Claim onboarding"
/// pressed on the posted card works from either platform.
/// </summary>
public sealed class HandoffDeliveryTests : IAsyncLifetime
{
    private const string SigningSecret = "handoff-delivery-signing-secret-01";
    private const string SlackChannel = "CCSEMEA";
    private const string TeamsChannel = "19:cs-na@thread.tacv2";
    private const string CamSlackId = "UCAM0001";
    private const string CamTeamsId = "aad-cam";
    private static readonly TestSigningKey Key = new("handoff-host-key");

    private TestDatabase _database = null!;
    private FakeSlack _slack = null!;
    private FakeConnector _teams = null!;
    private FakeOpenIdProvider _keys = null!;
    private WebApplication _app = null!;
    private HttpClient _http = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DbProvider.Sqlite);
        await using (var db = _database.NewContext())
        {
            await DealWorld.SeedAsync(db);
            db.Users.Add(new User { Email = DealApiHost.ApiUser, Name = "CRM Sync", Role = UserRole.Revops });
            await db.SaveChangesAsync(Ct);
        }
        _slack = await FakeSlack.StartAsync(request => request.Method switch
        {
            "users.info" => FakeResponse.Ok($$"""{"ok":true,"user":{"id":"{{CamSlackId}}","profile":{"email":"{{DealWorld.Cam}}"}""" + "}}"),
            "chat.postMessage" => FakeResponse.Ok("""{"ok":true,"channel":"CCSEMEA","ts":"1700000123.000100"}"""),
            _ => FakeResponse.Ok("""{"ok":true}"""),
        });
        _teams = await FakeConnector.StartAsync();
        _keys = await FakeOpenIdProvider.StartAsync();
        _keys.AddBotFrameworkKey(Key, "msteams");
        await using (var db = _database.NewContext())
        {
            // What installing RevBot in the NA customer-success channel would have stored.
            db.ConversationReferences.Add(new ChatConversationReference
            {
                Platform = ChatPlatform.Teams, ConversationId = TeamsChannel, Kind = "channel", ServiceUrl = _teams.ServiceUrl, TenantId = TestTokens.TenantId,
                BotId = "28:revbot", UpdatedAt = DateTime.UtcNow,
            });
            await db.Users.Where(u => u.Email == DealWorld.Cam).ExecuteUpdateAsync(s => s.SetProperty(u => u.TeamsUserId, CamTeamsId), Ct);
            await db.SaveChangesAsync(Ct);
        }

        var path = new SqliteConnectionStringBuilder(_database.Target.ConnectionString).DataSource;
        _app = await RevBotServer.StartAsync(
        [
            $"--Database:Target=sqlite:{path}", "--urls=http://127.0.0.1:0",
            $"--Api:Key={DealApiHost.ApiKey}", $"--Api:UserEmail={DealApiHost.ApiUser}",
            $"--Slack:SigningSecret={SigningSecret}", "--Slack:BotToken=xoxb-handoff", $"--Slack:ApiBaseUrl={_slack.ApiBaseUrl}",
            $"--Teams:AppId={TestTokens.AppId}", "--Teams:AppPassword=test-secret",
            $"--Teams:OpenIdMetadataUrl={_keys.BotFrameworkMetadataUrl}", $"--Teams:TokenEndpointBaseUrl={_teams.TokenEndpointBaseUrl}",
            $"--Teams:TrustedServiceUrls:0={_teams.ServiceUrl}",
            "--Handoffs:CustomerSuccess:0:Region=EMEA", $"--Handoffs:CustomerSuccess:0:Channel=slack:{SlackChannel}",
            "--Handoffs:CustomerSuccess:1:Region=NA", $"--Handoffs:CustomerSuccess:1:Channel=teams:{TeamsChannel}",
            "--Outbox:PollInterval=00:00:00.2",
        ], Ct);
        _http = new HttpClient { BaseAddress = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };
        _http.DefaultRequestHeaders.Add("X-Api-Key", DealApiHost.ApiKey);
    }

    public async ValueTask DisposeAsync()
    {
        _http?.Dispose();
        if (_app is not null) await _app.DisposeAsync();
        await _slack.DisposeAsync();
        await _teams.DisposeAsync();
        await _keys.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task A_deal_won_over_the_API_is_handed_off_on_Slack_and_claimed_from_the_posted_card()
    {
        await WinAsync(DealWorld.AcmeRenewal);

        var post = (await WaitAsync(() => _slack.Calls("chat.postMessage").ToList())).Single();
        var message = JsonDocument.Parse(post.Body).RootElement;
        Assert.Equal(SlackChannel, message.GetProperty("channel").GetString());
        Assert.Contains("New customer to onboard: Acme Corporation", message.GetRawText(), StringComparison.Ordinal);
        var claim = Elements(message.GetProperty("blocks")).Single(e => e.TryGetProperty("action_id", out var a) && a.GetString()!.StartsWith(HandoffKinds.ClaimAction, StringComparison.Ordinal));
        Assert.Equal("1700000123.000100", (await SentRowAsync(ChatPlatform.Slack)).PlatformMessageId);

        var payload = JsonSerializer.Serialize(new
        {
            type = "block_actions",
            team = new { id = "T1" },
            user = new { id = CamSlackId },
            channel = new { id = SlackChannel },
            container = new { type = "message", message_ts = "1700000123.000100", channel_id = SlackChannel },
            trigger_id = "trig-claim",
            response_url = _slack.BaseUri + "respond/claim",
            actions = new[] { new { action_id = claim.GetProperty("action_id").GetString(), value = claim.GetProperty("value").GetString(), type = "button" } },
        });
        using var pressed = await PostSlackAsync("payload=" + Uri.EscapeDataString(payload));
        Assert.Equal(HttpStatusCode.OK, pressed.StatusCode);

        var replaced = (await WaitAsync(() => _slack.Calls("/respond/claim").ToList())).Single();
        Assert.Contains("Claimed by Cam Success", replaced.Body, StringComparison.Ordinal);
        Assert.Equal(DealWorld.Cam, await ClaimedByAsync(DealWorld.AcmeRenewal));
    }

    [Fact]
    public async Task A_deal_won_over_the_API_is_handed_off_on_Teams_and_claimed_from_the_posted_card()
    {
        await WinAsync(DealWorld.Initech);

        var sent = (await WaitAsync(() => _teams.Requests.Where(r => r.Path == $"/amer/v3/conversations/{TeamsChannel}/activities").ToList())).Single();
        Assert.Contains("New customer to onboard: Initech", sent.Body, StringComparison.Ordinal);
        var claim = Elements(JsonDocument.Parse(sent.Body).RootElement).First(e => e.TryGetProperty("verb", out var v) && v.GetString() == HandoffKinds.ClaimAction);
        Assert.NotNull((await SentRowAsync(ChatPlatform.Teams)).SentAt);

        var invoke = new JsonObject
        {
            ["type"] = "invoke",
            ["id"] = Guid.NewGuid().ToString("N"),
            ["channelId"] = "msteams",
            ["serviceUrl"] = _teams.ServiceUrl,
            ["from"] = new JsonObject { ["id"] = "29:cam", ["name"] = "Cam", ["aadObjectId"] = CamTeamsId },
            ["recipient"] = new JsonObject { ["id"] = "28:revbot", ["name"] = "RevBot" },
            ["conversation"] = new JsonObject { ["id"] = TeamsChannel, ["conversationType"] = "channel", ["tenantId"] = TestTokens.TenantId },
            ["name"] = "adaptiveCard/action",
            ["value"] = new JsonObject
            {
                ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = HandoffKinds.ClaimAction, ["data"] = JsonNode.Parse(claim.GetProperty("data").GetRawText()) },
                ["trigger"] = "manual",
            },
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent(invoke.ToJsonString(), Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Create(Key, serviceUrl: _teams.ServiceUrl));
        using var response = await _http.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Claimed by Cam Success", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(DealWorld.Cam, await ClaimedByAsync(DealWorld.Initech));
    }

    [Fact]
    public async Task A_message_to_a_Teams_channel_RevBot_is_not_in_is_gone_without_a_call()
    {
        var id = await AddRowAsync(ChatPlatform.Teams, "19:nowhere@thread.tacv2");

        var row = await SettledAsync(id);

        Assert.Equal((true, (DateTime?)null, 1), (row.Gone, row.SentAt, row.Attempts));
        Assert.Contains("not installed", row.LastError, StringComparison.Ordinal);
        Assert.DoesNotContain(_teams.Requests, r => r.Path.Contains("nowhere", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_Teams_channel_that_answers_404_is_gone_and_its_reference_inactive()
    {
        const string Removed = "19:removed@thread.tacv2";
        await WithDbAsync(async db =>
        {
            db.ConversationReferences.Add(new ChatConversationReference
            {
                Platform = ChatPlatform.Teams, ConversationId = Removed, Kind = "channel", ServiceUrl = _teams.ServiceUrl, TenantId = TestTokens.TenantId, UpdatedAt = DateTime.UtcNow,
            });
            return await db.SaveChangesAsync(Ct);
        });
        _teams.Script(404);
        var id = await AddRowAsync(ChatPlatform.Teams, Removed);

        var row = await SettledAsync(id);

        Assert.Equal((true, (DateTime?)null), (row.Gone, row.SentAt));
        Assert.Contains("NotFound", row.LastError, StringComparison.Ordinal);
        Assert.False(await WithDbAsync(db => db.ConversationReferences.Where(r => r.ConversationId == Removed).Select(r => r.Active).SingleAsync(Ct)));
        Assert.Single(_teams.Requests, r => r.Path == $"/amer/v3/conversations/{Removed}/activities");
    }

    private Task<long> AddRowAsync(ChatPlatform platform, string channel) => WithDbAsync(async db =>
    {
        var row = OutboxWorld.Row(channel, "Direct to the outbox", DateTimeOffset.UtcNow, platform);
        db.Outbox.Add(row);
        await db.SaveChangesAsync(Ct);
        return row.Id;
    });

    /// <summary>Waits (in real time, bounded) until the host's dispatcher has sent or given up on the row.</summary>
    private async Task<OutboxMessage> SettledAsync(long id)
    {
        OutboxMessage row = null!;
        await Wait.UntilAsync(async () => (row = await WithDbAsync(db => db.Outbox.AsNoTracking().SingleAsync(m => m.Id == id, Ct))).SentAt is not null || row.FailedAt is not null,
            poll: TimeSpan.FromMilliseconds(50));
        return row;
    }

    private async Task WinAsync(string dealId)
    {
        using var get = await _http.GetAsync(new Uri($"/api/deals/{dealId}", UriKind.Relative), Ct);
        var version = JsonDocument.Parse(await get.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("version").GetInt32();
        using var patch = await DealApiHost.PatchAsync(_http, dealId, """{"status":"won"}""", $"\"{version.ToString(CultureInfo.InvariantCulture)}\"");
        Assert.True(patch.StatusCode == HttpStatusCode.OK, await patch.Content.ReadAsStringAsync(Ct));
    }

    private Task<HttpResponseMessage> PostSlackAsync(string body)
    {
        var ts = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, SlackEndpoints.InteractivityPath) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        request.Headers.Add(SlackSignature.TimestampHeader, ts);
        request.Headers.Add(SlackSignature.SignatureHeader, SlackSignature.Compute(SigningSecret, ts, Encoding.UTF8.GetBytes(body)));
        return _http.SendAsync(request, Ct);
    }

    private Task<string?> ClaimedByAsync(string dealId) => WithDbAsync(db => db.Handoffs.Where(h => h.DealId == dealId)
        .Select(h => db.Users.Where(u => u.Id == h.ClaimedByUserId).Select(u => u.Email).FirstOrDefault()).SingleAsync(Ct));

    private async Task<T> WithDbAsync<T>(Func<RevBotDb, Task<T>> query)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<RevBotDb>());
    }

    /// <summary>Polls (in real time, bounded) until the fake has seen something matching.</summary>
    /// <summary>The hand-off row once its outcome is written: the platform sees the post a moment before the dispatcher writes it down.</summary>
    private async Task<OutboxMessage> SentRowAsync(ChatPlatform platform)
    {
        OutboxMessage row = null!;
        await Wait.UntilAsync(async () =>
        {
            row = await WithDbAsync(db => db.Outbox.AsNoTracking().SingleAsync(m => m.Kind == HandoffKinds.WonMessage && m.Platform == platform, Ct));
            return row.SentAt is not null;
        }, poll: TimeSpan.FromMilliseconds(50));
        return row;
    }

    private static async Task<List<T>> WaitAsync<T>(Func<List<T>> seen)
    {
        List<T> now = [];
        await Wait.UntilAsync(() => (now = seen()).Count > 0, poll: TimeSpan.FromMilliseconds(50));
        Assert.NotEmpty(now);
        return now;
    }

    private static IEnumerable<JsonElement> Elements(JsonElement e)
    {
        if (e.ValueKind == JsonValueKind.Object)
        {
            yield return e;
            foreach (var p in e.EnumerateObject())
                foreach (var x in Elements(p.Value)) yield return x;
        }
        else if (e.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in e.EnumerateArray())
                foreach (var x in Elements(item)) yield return x;
        }
    }
}
