using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RevBot.Core.Alerts;
using RevBot.Core.Alerts.Actions;
using RevBot.Core.Digests.Scheduling;
using RevBot.Core.Domain;
using RevBot.Core.Storage;
using RevBot.Slack.Protocol.Endpoints;

namespace RevBot.IntegrationTests.Slack;

/// <summary>
/// The Home tab end to end: app_home_opened publishes the user's at-risk accounts and alert settings next to their
/// pipeline, and its buttons (a mute toggle, "I'm on it") change the database through Core and publish the tab again.
/// </summary>
public sealed class SlackHomeTests(SlackBotHost host) : IClassFixture<SlackBotHost>
{
    private const string Reason = "usage down 47% in 30 days";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_home_tab_shows_the_users_at_risk_accounts_and_settings_and_its_buttons_mute_and_assign_then_republish()
    {
        var (repId, account) = await SeedAsync();

        await Event("EvHome1");
        var first = await PublishedAsync(1);
        var text = first.GetRawText();
        Assert.Contains("Your at-risk accounts", text, StringComparison.Ordinal);
        Assert.Contains($"*{account}* · risk 99/100\\n{Reason}, renews in 12 days with no renewal deal open", text, StringComparison.Ordinal);
        Assert.Contains("*Stalled-deal DMs:* on", text, StringComparison.Ordinal);
        Assert.Contains("*Churn-risk DMs:* on", text, StringComparison.Ordinal);
        Assert.Contains("*Quiet hours:* 20:00–08:00", text, StringComparison.Ordinal);
        Assert.Contains("<#CHOMEALERTS>: churn risk", text, StringComparison.Ordinal);
        Assert.Contains("<#CHOMEDIGEST>: Sales digest every Monday at 09:00", text, StringComparison.Ordinal);
        var mute = Buttons(first).Single(b => b.GetProperty("action_id").GetString() == AlertActionIds.Mute && b.GetProperty("value").GetString() == "stalled_deal");

        // Mute stalled-deal DMs from the tab: alert_mutes gets the row and the tab comes back saying so.
        await Press(mute, "trig-home-1");
        var second = await PublishedAsync(2);
        Assert.Contains("*Stalled-deal DMs:* muted", second.GetRawText(), StringComparison.Ordinal);
        Assert.Contains("Muted: you won't get direct messages about stalled deals", second.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(["stalled_deal"], await DbAsync(db => db.AlertMutes.Where(m => m.UserId == repId).Select(m => m.Kind).ToListAsync(Ct)));
        Assert.Contains(Buttons(second), b => b.GetProperty("action_id").GetString() == AlertActionIds.Unmute);

        // "I'm on it" on the account: its alerts are assigned to the presser, and the tab says so instead of offering the button.
        var assign = Buttons(second).First(b => b.GetProperty("action_id").GetString() == AlertActionIds.Assign);
        await Press(assign, "trig-home-2");
        var third = await PublishedAsync(3);
        Assert.Contains($"*{account}* · risk 99/100\\n{Reason}, renews in 12 days with no renewal deal open\\n_you're on it_", third.GetRawText(), StringComparison.Ordinal);
        Assert.All(await DbAsync(db => db.Alerts.Where(a => a.Reason == Reason).ToListAsync(Ct)), a => Assert.Equal(repId, a.AssignedUserId));
    }

    /// <summary>Gives the rep an account at risk (score 99, above any other), a channel subscription and a digest of their own.</summary>
    private async Task<(int RepId, string Account)> SeedAsync() => await DbAsync(async db =>
    {
        var rep = await db.Users.SingleAsync(u => u.Email == host.RepEmail, Ct);
        var account = await db.Accounts.OrderBy(a => a.Id).FirstAsync(Ct);
        account.OwnerId = rep.Id;
        var now = DateTime.UtcNow;
        Alert Churn(string code, string reason) => new()
        {
            Kind = "churn_risk", SubjectId = account.Id, SubjectName = account.Name, ReasonCode = code, Reason = reason, Score = 99,
            Recipients = rep.Email, State = AlertState.Open, FirstSeenAt = now, LastSeenAt = now, NotifiedAt = now,
        };
        db.Alerts.AddRange(Churn("usage_drop", Reason), Churn("renewal", "renews in 12 days with no renewal deal open"));
        db.AlertSubscriptions.Add(new AlertSubscription { Platform = ChatPlatform.Slack, ChannelId = "CHOMEALERTS", Kinds = "churn_risk", CreatedByUserId = rep.Id, CreatedAt = now });
        db.DigestSchedules.Add(new DigestSubscription
        {
            Platform = ChatPlatform.Slack, ChannelId = "CHOMEDIGEST", Kind = "sales", Cron = "0 9 * * 1", TimeZone = "UTC", CreatedBy = rep.Email, CreatedAt = now, UpdatedAt = now,
        });
        await db.SaveChangesAsync(Ct);
        return (rep.Id, account.Name);
    });

    private async Task<T> DbAsync<T>(Func<RevBotDb, Task<T>> use)
    {
        await using var scope = host.App.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<RevBotDb>());
    }

    private Task<HttpResponseMessage> Event(string id) => host.PostSignedAsync(SlackEndpoints.EventsPath,
        SlackEndToEnd.EventCallback(id, $$"""{"type":"app_home_opened","user":"{{SlackBotHost.RepSlackId}}","channel":"D900","tab":"home"}"""), "application/json");

    /// <summary>A block_actions from the Home tab: Slack sends the view, no channel, message or response_url.</summary>
    private Task<HttpResponseMessage> Press(JsonElement button, string trigger)
    {
        var payload = JsonSerializer.Serialize(new
        {
            type = "block_actions", team = new { id = "T1" }, user = new { id = SlackBotHost.RepSlackId }, trigger_id = trigger,
            container = new { type = "view", view_id = "V1" }, view = new { id = "V1", type = "home" },
            actions = new[] { new { action_id = button.GetProperty("action_id").GetString(), value = button.GetProperty("value").GetString(), type = "button" } },
        });
        return host.PostSignedAsync(SlackEndpoints.InteractivityPath, "payload=" + Uri.EscapeDataString(payload), "application/x-www-form-urlencoded");
    }

    /// <summary>The <paramref name="n"/>th view published for the rep.</summary>
    private async Task<JsonElement> PublishedAsync(int n)
    {
        var views = await host.WaitForAsync(r => r.Method == "views.publish" && r.Body.Contains(SlackBotHost.RepSlackId, StringComparison.Ordinal), count: n);
        var view = SlackBotHost.Json(views[n - 1].Body).GetProperty("view");
        Assert.Equal("home", view.GetProperty("type").GetString());
        return view;
    }

    /// <summary>Every button of the view: in actions blocks and as section accessories.</summary>
    private static IEnumerable<JsonElement> Buttons(JsonElement view) =>
        view.GetProperty("blocks").EnumerateArray().SelectMany(b =>
            b.TryGetProperty("accessory", out var accessory) ? [accessory]
            : b.TryGetProperty("elements", out var elements) && b.GetProperty("type").GetString() == "actions" ? elements.EnumerateArray().ToArray() : [])
        .Where(e => e.GetProperty("type").GetString() == "button");
}
