using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using RevBot.Core.Approvals;
using RevBot.Core.Deals;
using RevBot.Core.Domain;
using RevBot.Core.Outbox;
using RevBot.Core.Replies;
using RevBot.Data.Storage;
using RevBot.IntegrationTests.Deals;
using RevBot.IntegrationTests.Teams;
using RevBot.Testing;
using RevBot.Testing.Deals;

namespace RevBot.IntegrationTests.Approvals;

/// <summary>
/// <see cref="DealRaceWorld"/> (the real host, Slack faked over HTTP, Teams through the Bot Framework protocol) with a
/// required stage (Negotiation) and a deal-desk channel: marking won a deal in Proposal or earlier asks for approval.
/// Rob (rep, Slack U0ROB) reports to Max (manager, U0MAX), who reports to Dana; Rae (rep, Teams) reports to Mia
/// (manager, Teams aad-mia, Slack U0MIA); Cam is customer success (U0CAM).
/// </summary>
internal sealed class ApprovalWorld(DealRaceWorld world) : IAsyncDisposable
{
    public const string MiaAad = "aad-mia";
    public const string MaxAad = "aad-max";

    public DealRaceWorld World { get; } = world;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<ApprovalWorld> StartAsync(DbProvider provider)
    {
        var world = await DealRaceWorld.StartAsync(provider, "--Approvals:RequiredStages:0=Negotiation", "--Approvals:DealDeskChannel=slack:CDESK",
            "--Approvals:ReminderAfterHours=1");
        await using var db = world.Database.NewContext();
        await db.Users.Where(u => u.Email == DealWorld.Max).ExecuteUpdateAsync(s => s.SetProperty(u => u.SlackUserId, "U0MAX").SetProperty(u => u.TeamsUserId, MaxAad), Ct);
        await db.Users.Where(u => u.Email == DealWorld.Mia).ExecuteUpdateAsync(s => s.SetProperty(u => u.SlackUserId, "U0MIA").SetProperty(u => u.TeamsUserId, MiaAad), Ct);
        await db.Users.Where(u => u.Email == DealWorld.Cam).ExecuteUpdateAsync(s => s.SetProperty(u => u.SlackUserId, "U0CAM"), Ct);
        return new ApprovalWorld(world);
    }

    /// <summary>A Slack button press by <paramref name="slackUser"/>; its answer is read at <c>/respond/{hook}</c>.</summary>
    public async Task<string> SlackPressAsync(string slackUser, string actionId, string value, string hook, string trigger = "trig-ap")
    {
        var response = await World.SlackInteractAsync(JsonSerializer.Serialize(new
        {
            type = "block_actions",
            team = new { id = "T1" },
            user = new { id = slackUser },
            channel = new { id = "CDESK" },
            container = new { type = "message", message_ts = "1700000800.000100", channel_id = "CDESK" },
            trigger_id = trigger,
            response_url = World.Slack.BaseUri + "respond/" + hook,
            actions = new[] { new { action_id = actionId, value, type = "button" } },
        }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return hook;
    }

    /// <summary>The <paramref name="count"/>th answer posted at <c>/respond/{hook}</c> (bounded wait on the fake's requests).</summary>
    public async Task<string> AnswerAsync(string hook, int count = 1)
    {
        var path = "/respond/" + hook;
        await Wait.UntilAsync(() => World.Slack.Requests.Count(r => r.Method == path) >= count, TimeSpan.FromSeconds(60));
        var answers = World.Slack.Requests.Where(r => r.Method == path).ToList();
        Assert.True(answers.Count >= count, $"{answers.Count} answers at {path}, expected {count}");
        return answers[count - 1].Body;
    }

    /// <summary>An Approve / Reject button's value for the request (what its card carries).</summary>
    public static string Value(ApprovalRequest request, string nonce, string language = "en") => new ReplyFormState(request.Key, 0, nonce, language).Encode();

    /// <summary>The one request on <paramref name="dealId"/> (asserting there is exactly one).</summary>
    public async Task<ApprovalRequest> RequestAsync(string dealId)
    {
        await using var db = World.Database.NewContext();
        return Assert.Single(await db.ApprovalRequests.AsNoTracking().Where(r => r.DealId == dealId).ToListAsync(Ct));
    }

    public async Task<List<ApprovalRequest>> RequestsAsync(string dealId)
    {
        await using var db = World.Database.NewContext();
        return await db.ApprovalRequests.AsNoTracking().Where(r => r.DealId == dealId).OrderBy(r => r.Id).ToListAsync(Ct);
    }

    public async Task<Deal> DealAsync(string id)
    {
        await using var db = World.Database.NewContext();
        return await db.Deals.AsNoTracking().SingleAsync(d => d.Id == id, Ct);
    }

    public async Task<List<AuditEntry>> DealAuditAsync(string id)
    {
        await using var db = World.Database.NewContext();
        return await db.AuditLog.AsNoTracking().Where(a => a.Entity == "deal" && a.EntityId == id).ToListAsync(Ct);
    }

    /// <summary>The outbox rows of <paramref name="kind"/> ("approval.request", "approval.decided").</summary>
    public async Task<List<OutboxMessage>> OutboxAsync(string kind)
    {
        await using var db = World.Database.NewContext();
        return await db.Outbox.AsNoTracking().Where(m => m.Kind == kind).OrderBy(m => m.Id).ToListAsync(Ct);
    }

    public async Task<int> UserIdAsync(string email)
    {
        await using var db = World.Database.NewContext();
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync(Ct);
    }

    /// <summary>A Teams Action.Execute by <paramref name="aad"/>; the invoke response's card.</summary>
    public async Task<JsonElement> TeamsInvokeAsync(string verb, JsonObject data, string locale, string aad)
    {
        using var response = await World.TeamsInvokeAsync(verb, data, locale, aad);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = TeamsBotHost.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(200, body.GetProperty("statusCode").GetInt32());
        return body;
    }

    public ValueTask DisposeAsync() => World.DisposeAsync();
}
