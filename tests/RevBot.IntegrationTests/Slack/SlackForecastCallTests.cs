using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RevBot.Core.Digests.Scheduling;
using RevBot.Core.Domain;
using RevBot.Core.ForecastCalls;
using RevBot.Core.Storage;
using RevBot.Slack.Protocol.Endpoints;

namespace RevBot.IntegrationTests.Slack;

/// <summary>
/// The weekly forecast call through the real host and a fake Slack: the opened call's card reaches the rep as a direct
/// message (outbox → chat.postMessage), its button opens the modal (views.open), the submission is saved once though
/// Slack delivers it twice, the rep who has not called gets the reminder, and at the deadline their manager gets the
/// roll-up of their line. The host's scheduler is driven tick by tick; the call's reminder and deadline instants are
/// moved to "now" in the database, as the clock would move them.
/// </summary>
public sealed class SlackForecastCallTests
{
    private const string Team = "FC Call Team";
    private const string ManagerSlackId = "UMGRFC01";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_call_card_modal_twin_submission_reminder_and_rollup_go_through_slack()
    {
        await using var host = new SlackBotHost(new SlackBotHostOptions
        {
            ExtraArgs = ["--Digests:Enabled=false", $"--ForecastCalls:Schedules:0:Team={Team}", "--ForecastCalls:Schedules:0:Cron=* * * * *", "--ForecastCalls:Schedules:0:TimeZone=UTC"],
        });
        await host.InitializeAsync();
        await using (var scope = host.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RevBotDb>();
            var manager = new User { Email = "fc-manager@example.com", Name = "Fiona Manager", Role = UserRole.Manager, SlackUserId = ManagerSlackId };
            db.Users.Add(manager);
            await db.SaveChangesAsync(Ct);
            await db.Users.Where(u => u.Email == host.RepEmail).ExecuteUpdateAsync(u => u.SetProperty(x => x.Team, Team).SetProperty(x => x.Role, UserRole.Rep)
                .SetProperty(x => x.SlackUserId, SlackBotHost.RepSlackId).SetProperty(x => x.ManagerId, manager.Id), Ct);
            await db.Users.Where(u => u.Email == host.SpanishRepEmail).ExecuteUpdateAsync(u => u.SetProperty(x => x.Team, Team).SetProperty(x => x.Role, UserRole.Rep)
                .SetProperty(x => x.SlackUserId, SlackBotHost.SpanishSlackId).SetProperty(x => x.ManagerId, manager.Id), Ct);
            // The schedule as configuration makes it, counted from a minute and a half ago: the last minute's slot is due.
            var since = DateTime.UtcNow.AddSeconds(-90);
            db.DigestSchedules.Add(new DigestSubscription
            {
                Platform = ChatPlatform.Slack, ChannelId = ForecastCallKinds.ChannelFor(Team), Kind = ForecastCallKinds.Schedule, Cron = "* * * * *", TimeZone = "UTC",
                Team = Team, CreatedBy = "configuration", CreatedAt = since, UpdatedAt = since,
            });
            await db.SaveChangesAsync(Ct);
        }
        var scheduler = host.App.Services.GetServices<IHostedService>().OfType<DigestSchedulerService>().Single();

        Assert.Contains(await scheduler.RunOnceAsync(Ct), r => r.Due.Schedule.Kind == ForecastCallKinds.Schedule && r.Outcome == DigestSlotOutcomes.Posted);
        var card = SlackBotHost.Json((await host.WaitForAsync(r => r.Method == "chat.postMessage" && r.Body.Contains(SlackBotHost.RepSlackId, StringComparison.Ordinal)
            && r.Body.Contains(ForecastCallActionIds.Open, StringComparison.Ordinal))).Last().Body);
        Assert.Contains("Forecast call", card.GetRawText(), StringComparison.Ordinal);
        var button = Buttons(card).Single(b => b.GetProperty("action_id").GetString() == ForecastCallActionIds.Open);

        // The button opens the modal with the press's trigger_id; the submission closes it and is saved once, though delivered twice.
        await Interact(host, Press(button.GetProperty("value").GetString()!, "trig-fc1"));
        var view = SlackBotHost.Json((await host.WaitForAsync(r => r.Method == "views.open" && r.Body.Contains("trig-fc1", StringComparison.Ordinal))).Single().Body).GetProperty("view");
        Assert.Equal(ForecastCallActionIds.Submit, view.GetProperty("callback_id").GetString());
        var submission = Submission(view, new() { ["commit"] = "120000", ["best_case"] = "150000" });
        var first = await Interact(host, submission);
        Assert.Equal((HttpStatusCode.OK, ""), (first.StatusCode, await first.Content.ReadAsStringAsync(Ct)));
        Assert.Equal(HttpStatusCode.OK, (await Interact(host, submission)).StatusCode);
        var calls = await QueryAsync(host, db => db.ForecastSnapshots.AsNoTracking().Where(f => f.CallId != null).Select(f => new { f.Kind, f.Amount, f.OwnerId }).ToListAsync(Ct));
        Assert.Equal([("best_case", 150000m), ("commit", 120000m)], calls.Select(c => (c.Kind, c.Amount)).Order());

        // The reminder, when it is due: only the rep who has not called.
        await QueryAsync(host, db => db.ForecastCalls.ExecuteUpdateAsync(c => c.SetProperty(x => x.RemindAt, DateTime.UtcNow.AddSeconds(-1)), Ct));
        await scheduler.RunOnceAsync(Ct);
        await host.WaitForAsync(r => r.Method == "chat.postMessage" && r.Body.Contains(SlackBotHost.SpanishSlackId, StringComparison.Ordinal) && r.Body.Contains("Reminder", StringComparison.Ordinal));
        Assert.DoesNotContain(host.Fake.Requests, r => r.Method == "chat.postMessage" && r.Body.Contains(SlackBotHost.RepSlackId, StringComparison.Ordinal) && r.Body.Contains("Reminder", StringComparison.Ordinal));

        // The deadline: the manager's roll-up of their line, with the submitted call and the one missing.
        await QueryAsync(host, db => db.ForecastCalls.ExecuteUpdateAsync(c => c.SetProperty(x => x.DeadlineAt, DateTime.UtcNow.AddSeconds(-1)), Ct));
        await scheduler.RunOnceAsync(Ct);
        var rollup = (await host.WaitForAsync(r => r.Method == "chat.postMessage" && r.Body.Contains(ManagerSlackId, StringComparison.Ordinal))).Single().Body;
        Assert.Contains("Forecast call roll-up", rollup, StringComparison.Ordinal);
        Assert.Contains("commit $120K", rollup, StringComparison.Ordinal);
        Assert.Contains("no call", rollup, StringComparison.Ordinal);
    }

    private static async Task<T> QueryAsync<T>(SlackBotHost host, Func<RevBotDb, Task<T>> query)
    {
        await using var scope = host.App.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<RevBotDb>());
    }

    private static string Press(string value, string triggerId) => JsonSerializer.Serialize(new
    {
        type = "block_actions",
        team = new { id = "T1" },
        user = new { id = SlackBotHost.RepSlackId },
        channel = new { id = "DFC0001" },
        container = new { type = "message", message_ts = "1700000999.000100", channel_id = "DFC0001" },
        trigger_id = triggerId,
        actions = new[] { new { action_id = ForecastCallActionIds.Open, value, type = "button" } },
    });

    /// <summary>A view_submission of the modal as Slack sends it: the given values, else each input's initial one.</summary>
    private static string Submission(JsonElement view, Dictionary<string, string> values)
    {
        var state = new JsonObject();
        foreach (var block in view.GetProperty("blocks").EnumerateArray().Where(b => b.GetProperty("type").GetString() == "input"))
        {
            var id = block.GetProperty("block_id").GetString()!;
            var element = block.GetProperty("element");
            var type = element.GetProperty("type").GetString()!;
            values.TryGetValue(id, out var given);
            JsonObject input = type == "static_select"
                ? new() { ["type"] = type, ["selected_option"] = element.TryGetProperty("initial_option", out var o) ? JsonNode.Parse(o.GetRawText()) : null }
                : new() { ["type"] = type, ["value"] = given ?? (element.TryGetProperty("initial_value", out var v) ? v.GetString() : null) };
            state[id] = new JsonObject { [element.GetProperty("action_id").GetString()!] = input };
        }
        return new JsonObject
        {
            ["type"] = "view_submission",
            ["team"] = new JsonObject { ["id"] = "T1" },
            ["user"] = new JsonObject { ["id"] = SlackBotHost.RepSlackId },
            ["view"] = new JsonObject
            {
                ["id"] = "VFC1", ["type"] = "modal", ["callback_id"] = view.GetProperty("callback_id").GetString(),
                ["private_metadata"] = view.GetProperty("private_metadata").GetString(), ["state"] = new JsonObject { ["values"] = state },
            },
        }.ToJsonString();
    }

    private static IEnumerable<JsonElement> Buttons(JsonElement message) =>
        message.TryGetProperty("blocks", out var blocks)
            ? blocks.EnumerateArray().Where(b => b.GetProperty("type").GetString() == "actions").SelectMany(b => b.GetProperty("elements").EnumerateArray())
            : [];

    private static Task<HttpResponseMessage> Interact(SlackBotHost host, string payload) =>
        host.PostSignedAsync(SlackEndpoints.InteractivityPath, "payload=" + Uri.EscapeDataString(payload), "application/x-www-form-urlencoded");
}
