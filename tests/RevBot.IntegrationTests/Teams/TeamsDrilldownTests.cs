using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using RevBot.Core.Alerts;
using RevBot.Core.Alerts.Actions;
using RevBot.Core.Domain;
using RevBot.Teams.App.Rendering;

namespace RevBot.IntegrationTests.Teams;

/// <summary>
/// Drill-downs keep context in Teams: a follow-up or welcome question and "Open deal" answer in a new message replying
/// to the card pressed (the invoke response is only a short message, so Teams leaves that card as it was); Snooze on an
/// alert redraws the alert in place, with its buttons; a row's menu on a grouped message redraws the group. Through /api/messages with signed tokens and the fake connector.
/// </summary>
public sealed class TeamsDrilldownTests(TeamsBotHost host) : IClassFixture<TeamsBotHost>
{
    private const string MessageType = "application/vnd.microsoft.activity.message";
    private const string CardType = "application/vnd.microsoft.card.adaptive";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_follow_up_question_is_answered_in_a_new_reply_to_the_card_which_is_left_as_it_was_and_a_replay_posts_nothing_more()
    {
        var conversation = $"a:{Guid.NewGuid():N}";
        var invoke = Invoke(conversation, "card-follow-up", "ask", "how is win rate calculated?");

        var response = await PostAsync(invoke);
        var replay = await PostAsync(invoke);

        Assert.Equal((MessageType, "The answer follows in a new message."), (response.GetProperty("type").GetString(), response.GetProperty("value").GetString()));
        Assert.Equal(MessageType, replay.GetProperty("type").GetString());
        var answer = await AnswerAsync(conversation, "card-follow-up");
        Assert.Contains("Win rate", answer.GetRawText(), StringComparison.Ordinal);
        await host.QueuedWorkDoneAsync();
        var sent = await host.SentToAsync(conversation, _ => true);
        // Nothing replaced or updated the card pressed (a PUT to its id); one answer, for both deliveries of the press.
        Assert.DoesNotContain(sent, r => r.Method != "POST");
        Assert.Single(sent, r => r.Body.Contains("attachments", StringComparison.Ordinal));
        await ConformsAsync(("follow-up answer", answer));
    }

    [Fact]
    public async Task A_welcome_card_question_is_answered_in_a_new_message_in_the_pressers_language()
    {
        var conversation = $"a:{Guid.NewGuid():N}";
        var question = WelcomeCard.DefaultExamples("es")[1];

        var response = await PostAsync(Invoke(conversation, "welcome-es", "ask", question, "es-ES"));

        Assert.Equal((MessageType, "La respuesta llega en un mensaje nuevo."), (response.GetProperty("type").GetString(), response.GetProperty("value").GetString()));
        var answer = await AnswerAsync(conversation, "welcome-es");
        Assert.Contains("Pipeline", answer.GetRawText(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Snooze_redraws_the_alert_in_place_with_its_buttons_and_open_deal_posts_the_deal_card_beside_it()
    {
        var (deal, alertId) = await StalledDealAlertAsync("aad-drilldown-user");
        var conversation = $"19:{Guid.NewGuid():N}@thread.tacv2;messageid=1700000000001";

        var snoozed = await PostAsync(Invoke(conversation, "alert-card", AlertActionIds.Snooze, AlertActionValue.Encode([alertId]), user: "aad-drilldown-user"));
        var opened = await PostAsync(Invoke(conversation, "alert-card", "deal.open", deal.Id, user: "aad-drilldown-user"));

        Assert.Equal(CardType, snoozed.GetProperty("type").GetString());
        var alert = snoozed.GetProperty("value");
        Assert.Contains("Snoozed for 7 days by", alert.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(["deal.open", AlertActionIds.Snooze, AlertActionIds.Dismiss, AlertActionIds.Assign], Verbs(alert));
        Assert.Equal(AlertState.Snoozed, await host.WithDbAsync(db => db.Alerts.Where(a => a.Id == alertId).Select(a => a.State).SingleAsync(Ct)));

        Assert.Equal(MessageType, opened.GetProperty("type").GetString());
        var card = await AnswerAsync(conversation, "alert-card");
        Assert.Contains($"{deal.Id} · version", CardJson.AllText(JsonNode.Parse(card.GetRawText())), StringComparison.Ordinal);
        Assert.Contains("deal.update", Verbs(card));
        await host.QueuedWorkDoneAsync();
        Assert.DoesNotContain(await host.SentToAsync(conversation, _ => true), r => r.Method != "POST");
        await ConformsAsync(("snoozed alert", alert), ("deal card", card));
    }

    /// <summary>
    /// Issue 19: each alert of a grouped direct message has its own "…" menu under its row; "I'm on it" on one row
    /// assigns that alert alone and the card comes back with the person's title and every row's menu, valid at 1.5.
    /// </summary>
    [Fact]
    public async Task A_rows_menu_on_a_grouped_direct_message_acts_on_its_alert_and_redraws_the_group_with_its_title_and_every_rows_menu()
    {
        var (ownerId, ids) = await StalledDealAlertsAsync("aad-group-user", 2);
        var conversation = $"a:{Guid.NewGuid():N}";
        var row = new AlertGroupValue(AlertAudience.Person, "en", 2, ids[0], ids).Encode();

        var response = await PostAsync(Invoke(conversation, "group-card", AlertActionIds.Assign, row, user: "aad-group-user"));

        Assert.Equal(CardType, response.GetProperty("type").GetString());
        var card = response.GetProperty("value");
        var body = card.GetProperty("body").EnumerateArray().ToList();
        Assert.Equal("2 alerts need your attention", body[0].GetProperty("text").GetString());
        Assert.EndsWith(" is on it", body[1].GetProperty("text").GetString()!.Trim(), StringComparison.Ordinal);
        var rows = body.Where(e => e.GetProperty("type").GetString() == "Container").ToList();
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r =>
        {
            var menu = r.GetProperty("items")[1].GetProperty("actions").EnumerateArray().ToList();
            Assert.Equal(["deal.open", AlertActionIds.Snooze, AlertActionIds.Dismiss, AlertActionIds.Assign], menu.Select(a => a.GetProperty("verb").GetString()));
            Assert.All(menu, a => Assert.Equal("secondary", a.GetProperty("mode").GetString()));
        });
        Assert.Equal([AlertActionIds.Snooze, AlertActionIds.Dismiss, AlertActionIds.Assign], Verbs(card));
        var assigned = await host.WithDbAsync(db => db.Alerts.Where(a => ids.Contains(a.Id)).OrderBy(a => a.Id).Select(a => a.AssignedUserId).ToListAsync(Ct));
        Assert.Equal([ownerId, null], assigned);
        await ConformsAsync(("grouped alert after a press", card));
    }

    /// <summary>Stalled-deal alerts on <paramref name="count"/> open deals of one owner, who is the Teams user <paramref name="aadId"/>.</summary>
    private async Task<(int OwnerId, List<long> AlertIds)> StalledDealAlertsAsync(string aadId, int count) => await host.WithDbAsync(async db =>
    {
        var taken = await db.Alerts.Select(a => a.SubjectId).ToListAsync(Ct);
        var owner = await db.Deals.AsNoTracking().Where(d => d.OwnerId != null && d.Status == DealStatus.Open && !taken.Contains(d.Id))
            .GroupBy(d => d.OwnerId).Where(g => g.Count() >= count).Select(g => g.Key!.Value).OrderBy(id => id).FirstAsync(Ct);
        var deals = await db.Deals.AsNoTracking().Where(d => d.OwnerId == owner && d.Status == DealStatus.Open && !taken.Contains(d.Id))
            .OrderBy(d => d.Id).Take(count).ToListAsync(Ct);
        await db.Users.Where(u => u.Id == owner).ExecuteUpdateAsync(s => s.SetProperty(u => u.TeamsUserId, aadId), Ct);
        var now = DateTime.UtcNow;
        var alerts = deals.Select(deal => new Alert
        {
            Kind = "stalled_deal", SubjectId = deal.Id, SubjectName = deal.Name ?? deal.Id, ReasonCode = "no_activity", Reason = "no activity in 30 days",
            Recipients = "", State = AlertState.Open, FirstSeenAt = now, LastSeenAt = now, NotifiedAt = now,
        }).ToList();
        db.Alerts.AddRange(alerts);
        await db.SaveChangesAsync(Ct);
        return (owner, alerts.Select(a => a.Id).ToList());
    });

    /// <summary>An open deal whose owner is the Teams user <paramref name="aadId"/>, with a stalled-deal alert on it.</summary>
    private async Task<(Deal Deal, long AlertId)> StalledDealAlertAsync(string aadId) => await host.WithDbAsync(async db =>
    {
        var deal = await db.Deals.AsNoTracking().Where(d => d.OwnerId != null && d.Status == DealStatus.Open).OrderByDescending(d => d.Id).FirstAsync(Ct);
        await db.Users.Where(u => u.Id == deal.OwnerId).ExecuteUpdateAsync(s => s.SetProperty(u => u.TeamsUserId, aadId), Ct);
        var now = DateTime.UtcNow;
        var alert = new Alert
        {
            Kind = "stalled_deal", SubjectId = deal.Id, SubjectName = deal.Name ?? deal.Id, ReasonCode = "no_activity", Reason = "no activity in 30 days",
            Recipients = "", State = AlertState.Open, FirstSeenAt = now, LastSeenAt = now, NotifiedAt = now,
        };
        db.Alerts.Add(alert);
        await db.SaveChangesAsync(Ct);
        return (deal, alert.Id);
    });

    /// <summary>An Action.Execute press on the card <paramref name="cardId"/> (Teams sends the card's id as replyToId).</summary>
    private JsonObject Invoke(string conversation, string cardId, string verb, string value, string? locale = null, string user = "aad-user-1")
    {
        var invoke = host.Activity("invoke", conversation, conversationType: conversation.StartsWith("19:", StringComparison.Ordinal) ? "channel" : "personal");
        invoke["name"] = "adaptiveCard/action";
        invoke["replyToId"] = cardId;
        invoke["from"] = new JsonObject { ["id"] = "29:drilldown-user", ["name"] = "Rep", ["aadObjectId"] = user };
        if (locale is not null) invoke["locale"] = locale;
        invoke["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = new JsonObject { ["value"] = value } },
            ["trigger"] = "manual",
        };
        return invoke;
    }

    private async Task<JsonElement> PostAsync(JsonObject invoke)
    {
        using var response = await host.PostAsync(invoke);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = TeamsBotHost.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(200, body.GetProperty("statusCode").GetInt32());
        return body;
    }

    /// <summary>The card the bot posted as a reply to <paramref name="cardId"/> (a POST to …/activities/{cardId}).</summary>
    private async Task<JsonElement> AnswerAsync(string conversation, string cardId)
    {
        static bool IsAnswer(RecordedRequest r, string id) => r.Method == "POST" && r.Path.EndsWith($"/activities/{id}", StringComparison.Ordinal)
            && r.Body.Contains("attachments", StringComparison.Ordinal);
        var sent = await host.SentToAsync(conversation, s => s.Any(r => IsAnswer(r, cardId)));
        var reply = TeamsBotHost.Parse(sent.Last(r => IsAnswer(r, cardId)).Body);
        Assert.Equal(cardId, reply.GetProperty("replyToId").GetString());
        var attachment = reply.GetProperty("attachments")[0];
        Assert.Equal(CardType, attachment.GetProperty("contentType").GetString());
        return attachment.GetProperty("content");
    }

    /// <summary>Every Action.Execute verb of the card in order, those behind a "More" button too.</summary>
    private static List<string> Verbs(JsonElement card) =>
        [.. card.GetProperty("actions").EnumerateArray().SelectMany(a => a.TryGetProperty("verb", out var verb) ? [verb.GetString()!]
            : a.TryGetProperty("card", out var more) ? Verbs(more) : [])];

    /// <summary>The cards pass Microsoft's Adaptive Cards SDK at 1.5 with no warning, like every sample card.</summary>
    private static async Task ConformsAsync(params (string Name, JsonElement Card)[] cards)
    {
        NodeConformance.RequireTools();
        var file = Path.Combine(Path.GetTempPath(), $"revbot-drilldown-cards-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(cards.Select(c => new { name = c.Name, card = c.Card })), Ct);
        try
        {
            var (exitCode, output) = await NodeConformance.RunAsync("teams/cards.mjs", file);
            Assert.True(exitCode == 0, $"The Adaptive Cards SDK reported:\n{output}");
            Assert.Contains($"{cards.Length} cards checked, 0 problems", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
