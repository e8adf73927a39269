using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RevBot.Core.Chat;
using RevBot.Core.Digests.Scheduling;
using RevBot.Core.Domain;
using RevBot.Core.ForecastCalls;
using RevBot.Core.Storage;
using RevBot.Testing;

namespace RevBot.IntegrationTests.Teams;

/// <summary>
/// The weekly forecast call end to end in Teams, through the Agents Playground (Microsoft's Teams client emulator) and
/// the real host: the opened call's card reaches the rep's personal chat (outbox → the Playground's connector), then
/// the reminder while they have not called; "Submit my call" (Action.Execute) answers with the form, the form's
/// submission (the Playground's invoke, twice, as Teams retries) is saved once; at the deadline the manager's roll-up
/// reaches the manager's personal chat. The Playground has one signed-in user: the rep first, then the manager (who
/// installs the app in their personal chat, which stores the chat's reference for them). The host's scheduler is driven tick
/// by tick; the call's reminder and deadline instants are moved to "now" in the database, as the clock would move them.
/// </summary>
public sealed class TeamsForecastCallPlaygroundTests(TeamsForecastCallPlaygroundTests.ForecastCallSession session)
    : IClassFixture<TeamsForecastCallPlaygroundTests.ForecastCallSession>
{
    private const string Team = "FC Playground Team";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_call_card_reminder_form_twin_submission_and_manager_rollup_go_through_the_Playground()
    {
        NodeConformance.RequireTools(AgentsPlayground.Cli);
        var pg = (await session.StartAsync(Ct)).Playground;
        var chat = pg.PersonalChatId;
        var me = (string)pg.CurrentUser["id"]!;
        var aad = (string)pg.CurrentUser["aadObjectId"]!;

        // A team of one rep (the Playground's user) reporting to a manager, both known in Teams only.
        var (repId, managerId) = await session.WithDbAsync(async db =>
        {
            var manager = new User { Email = "fc-teams-manager@example.com", Name = "Fiona Manager", Role = UserRole.Manager };
            db.Users.Add(manager);
            await db.SaveChangesAsync(Ct);
            // The rep with the most open deals closing this quarter, so their card lists some.
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            var (first, last) = (new DateOnly(today.Year, ((today.Month - 1) / 3 * 3) + 1, 1), new DateOnly(today.Year, ((today.Month - 1) / 3 * 3) + 1, 1).AddMonths(3).AddDays(-1));
            var rep = await db.Users.Where(u => u.Role == UserRole.Rep)
                .OrderByDescending(u => db.Deals.Count(d => d.OwnerId == u.Id && d.Status == DealStatus.Open && d.CloseDate >= first && d.CloseDate <= last)).ThenBy(u => u.Id).FirstAsync(Ct);
            await db.Users.Where(u => u.Id == rep.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.Team, Team).SetProperty(x => x.ManagerId, manager.Id)
                .SetProperty(x => x.TeamsUserId, aad).SetProperty(x => x.SlackUserId, (string?)null).SetProperty(x => x.Language, "en"), Ct);
            // The schedule as configuration makes it, counted from a minute and a half ago: the last minute's slot is due.
            var since = DateTime.UtcNow.AddSeconds(-90);
            db.DigestSchedules.Add(new DigestSubscription
            {
                Platform = ChatPlatform.Teams, ChannelId = ForecastCallKinds.ChannelFor(Team), Kind = ForecastCallKinds.Schedule, Cron = "* * * * *", TimeZone = "UTC",
                Team = Team, CreatedBy = "configuration", CreatedAt = since, UpdatedAt = since,
            });
            await db.SaveChangesAsync(Ct);
            return (rep.Id, manager.Id);
        });

        // Installing the app stores the personal chat's reference for the rep.
        var before = pg.FrameCount;
        await session.InstallAsync(chat, repId, Ct);
        await pg.WaitForBotCardAsync(before, chat, c => Text(c).Contains("Hi, I'm RevBot", StringComparison.Ordinal), "welcome card", Ct);
        var scheduler = session.Services.GetServices<IHostedService>().OfType<DigestSchedulerService>().Single();

        // The slot opens the call: the rep's card in their personal chat.
        before = pg.FrameCount;
        Assert.Contains(await scheduler.RunOnceAsync(Ct), r => r.Due.Schedule.Kind == ForecastCallKinds.Schedule && r.Outcome == DigestSlotOutcomes.Posted);
        var card = AgentsPlayground.CardOf(await pg.WaitForBotCardAsync(before, chat, c => Text(c).Contains("Forecast call · ", StringComparison.Ordinal), "the call's card", Ct))!;
        Assert.Contains("Model's forecast", Text(card), StringComparison.Ordinal);
        Assert.DoesNotContain("No open deal closes this quarter.", Text(card), StringComparison.Ordinal);
        Assert.Single(Executes(card), a => (string?)a["verb"] == ForecastCallActionIds.Open);

        // The reminder: the rep has not called yet.
        before = pg.FrameCount;
        await session.WithDbAsync(db => db.ForecastCalls.ExecuteUpdateAsync(c => c.SetProperty(x => x.RemindAt, DateTime.UtcNow.AddSeconds(-1)), Ct));
        await scheduler.RunOnceAsync(Ct);
        var reminder = await pg.WaitForBotCardAsync(before, chat, c => Text(c).Contains("Reminder: your call is due by", StringComparison.Ordinal), "the reminder card", Ct);

        // "Submit my call" on the reminder: the invoke answers with the form (Action.Execute, with Cancel).
        var open = Executes(AgentsPlayground.CardOf(reminder)!).Single(a => (string?)a["verb"] == ForecastCallActionIds.Open);
        var pressed = await pg.InvokeAsync(chat, me, (string)reminder["message"]!["messageId"]!, open, Ct);
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)pressed["type"]);
        var form = pressed["value"]!.AsObject();
        var actions = Executes(form).ToList();
        Assert.Equal([ForecastCallActionIds.Submit, ForecastCallActionIds.Back], actions.Select(a => (string?)a["verb"]));

        // The submission as Teams sends it (the inputs merged into the action's data), delivered twice: saved once.
        var submit = actions[0].DeepClone().AsObject();
        var data = submit["data"]!.AsObject();
        foreach (var input in Inputs(form)) data[(string)input["id"]!] = input["value"]?.ToString() ?? "";
        (data[ForecastCallActionIds.CommitField], data[ForecastCallActionIds.BestCaseField]) = ("120000", "150000");
        var first = await pg.InvokeAsync(chat, me, (string)reminder["message"]!["messageId"]!, submit, Ct);
        var second = await pg.InvokeAsync(chat, me, (string)reminder["message"]!["messageId"]!, submit, Ct);
        Assert.Contains("Call saved: commit $120K, best case $150K.", Text(first["value"]!.AsObject()), StringComparison.Ordinal);
        // The twin gets the first answer back (its card's button opens a new form, so only the body is the same).
        Assert.Equal(Text(first["value"]!["body"]!), Text(second["value"]!["body"]!));
        var calls = await session.WithDbAsync(db => db.ForecastSnapshots.AsNoTracking().Where(f => f.CallId != null).Select(f => new { f.Kind, f.Amount, f.OwnerId }).ToListAsync(Ct));
        Assert.Equal([("best_case", 150000m, repId), ("commit", 120000m, repId)], calls.Select(c => (c.Kind, c.Amount, c.OwnerId)).Order());

        // The Playground's user becomes the manager, who installs the app: the personal chat's reference is now theirs.
        await session.WithDbAsync(db => db.Users.Where(u => u.Id == repId).ExecuteUpdateAsync(u => u.SetProperty(x => x.TeamsUserId, (string?)null), Ct));
        await session.WithDbAsync(db => db.Users.Where(u => u.Id == managerId).ExecuteUpdateAsync(u => u.SetProperty(x => x.TeamsUserId, aad), Ct));
        await session.InstallAsync(chat, managerId, Ct);

        // The deadline: the manager's roll-up of their line, with the rep's call and the button for the team call.
        before = pg.FrameCount;
        await session.WithDbAsync(db => db.ForecastCalls.ExecuteUpdateAsync(c => c.SetProperty(x => x.DeadlineAt, DateTime.UtcNow.AddSeconds(-1)), Ct));
        await scheduler.RunOnceAsync(Ct);
        var rollup = AgentsPlayground.CardOf(await pg.WaitForBotCardAsync(before, chat, c => Text(c).Contains("Forecast call roll-up · FC Playground Team", StringComparison.Ordinal), "the manager's roll-up", Ct))!;
        Assert.Contains("1 of 1 reps called: commit $120K, best case $150K.", Text(rollup), StringComparison.Ordinal);
        Assert.Single(Executes(rollup), a => (string?)a["verb"] == ForecastCallActionIds.Open && (string?)a["title"] == "Submit the team call");
    }

    private static string Text(JsonNode card) => CardJson.AllText(card);

    private static IEnumerable<JsonObject> Executes(JsonNode card) => Walk(card).Where(o => (string?)o["type"] == "Action.Execute");

    private static IEnumerable<JsonObject> Inputs(JsonNode card) => Walk(card).Where(o => ((string?)o["type"])?.StartsWith("Input.", StringComparison.Ordinal) == true);

    private static IEnumerable<JsonObject> Walk(JsonNode? node) => node switch
    {
        JsonObject o => new[] { o }.Concat(o.SelectMany(p => Walk(p.Value))),
        JsonArray a => a.SelectMany(Walk),
        _ => [],
    };

    /// <summary>The Playground session with the team's call configured and the digest loop off: the test ticks the scheduler itself.</summary>
    public sealed class ForecastCallSession : TeamsPlaygroundTests.Session
    {
        protected override IEnumerable<string> ExtraArgs =>
            ["--Digests:Enabled=false", $"--ForecastCalls:Schedules:0:Team={Team}", "--ForecastCalls:Schedules:0:Cron=* * * * *", "--ForecastCalls:Schedules:0:TimeZone=UTC"];
    }
}
