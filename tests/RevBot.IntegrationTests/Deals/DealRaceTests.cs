using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using RevBot.Core.Deals;
using RevBot.Core.Domain;
using RevBot.Core.Handoffs;
using RevBot.Core.Outbox;
using RevBot.Data.Storage;
using RevBot.IntegrationTests.Teams;
using RevBot.Testing;
using RevBot.Testing.Deals;

namespace RevBot.IntegrationTests.Deals;

/// <summary>
/// "Mark won" raced on one version through every door (the API, Slack presses, Teams invokes): exactly one applies,
/// every other gets the stale answer (412, the fresh card saying what changed), nothing goes unanswered and the
/// hand-off, its outbox row and the audit entry are written once. Before the version was claimed first, the losers hit
/// the hand-offs' unique index: 500s on the API and silent failures in Slack.
/// </summary>
public sealed class DealRaceTests
{
    private const int Racers = 12;
    private static readonly JsonSerializerOptions Unescaped = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DbProvider.Postgres)]
    [InlineData(DbProvider.Sqlite)]
    public async Task Racing_patches_with_the_same_version_get_one_200_and_412_for_every_other(DbProvider provider)
    {
        await using var world = await DealRaceWorld.StartAsync(provider);

        var responses = await Task.WhenAll(Enumerable.Range(0, Racers * 2).Select(_ => world.PatchAsync(DealWorld.AcmeRenewal, """{"status": "won"}""", 1)));

        var statuses = responses.Select(r => r.StatusCode).ToList();
        Assert.Single(statuses, s => s == HttpStatusCode.OK);
        Assert.Equal(Racers * 2 - 1, statuses.Count(s => s == HttpStatusCode.PreconditionFailed));
        foreach (var lost in responses.Where(r => r.StatusCode == HttpStatusCode.PreconditionFailed))
        {
            var body = JsonSerializer.Deserialize<JsonElement>(await lost.Content.ReadAsStringAsync(Ct));
            Assert.Equal(2, body.GetProperty("currentVersion").GetInt32());
            Assert.Equal("won", body.GetProperty("changes")[0].GetProperty("action").GetString());
        }
        await AssertWonOnceAsync(world, DealWorld.AcmeRenewal, ChangeChannel.Api);
    }

    [Theory]
    [InlineData(DbProvider.Postgres)]
    [InlineData(DbProvider.Sqlite)]
    public async Task Racing_slack_mark_won_presses_have_one_winner_and_every_loser_hears_the_deal_changed(DbProvider provider)
    {
        await using var world = await DealRaceWorld.StartAsync(provider);

        // Each press comes from its own rendering of the card (its own nonce, so its own command) and its own response_url.
        var acks = await Task.WhenAll(Enumerable.Range(0, Racers).Select(i => world.SlackInteractAsync(JsonSerializer.Serialize(new
        {
            type = "block_actions",
            team = new { id = "T1" },
            user = new { id = "U0ROB" },
            channel = new { id = "C900" },
            container = new { type = "message", message_ts = "1700000900.000100", channel_id = "C900" },
            trigger_id = $"trig-race-{i}",
            response_url = world.Slack.BaseUri + $"respond/race-{i}",
            actions = new[] { new { action_id = DealActionIds.Win, value = DealActionValue.Format(DealWorld.AcmeRenewal, 1, $"race-nonce-{i:00}"), type = "button" } },
        }))));
        Assert.All(acks, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));

        // Every press is answered at its own response_url (bounded wait on the fake's requests, not a sleep).
        var answers = new List<string>();
        for (var i = 0; i < Racers; i++)
        {
            var hook = $"/respond/race-{i}";
            await Wait.UntilAsync(() => world.Slack.Requests.Any(r => r.Method == hook), TimeSpan.FromSeconds(60));
            answers.Add(Assert.Single(world.Slack.Requests, r => r.Method == hook).Body);
        }
        Assert.Single(answers, a => a.Contains("Marked won by Rob Rep just now", StringComparison.Ordinal));
        Assert.Equal(Racers - 1, answers.Count(a => a.Contains("This deal changed since you opened it", StringComparison.Ordinal)));
        await AssertWonOnceAsync(world, DealWorld.AcmeRenewal, ChangeChannel.Slack);
    }

    [Theory]
    [InlineData(DbProvider.Postgres)]
    [InlineData(DbProvider.Sqlite)]
    public async Task Racing_teams_mark_won_invokes_have_one_winner_and_every_loser_gets_the_stale_card_in_their_language(DbProvider provider)
    {
        await using var world = await DealRaceWorld.StartAsync(provider);
        static string Locale(int i) => i % 2 == 0 ? "es-ES" : "en-US";

        var responses = await Task.WhenAll(Enumerable.Range(0, Racers).Select(i => world.TeamsInvokeAsync(DealActionIds.Win,
            new JsonObject { ["value"] = DealActionValue.Format(DealWorld.AcmeExpansion, 1, $"teams-nonce-{i:00}") }, Locale(i))));

        var cards = new List<(int Racer, string Card)>();
        for (var i = 0; i < Racers; i++)
        {
            Assert.Equal(HttpStatusCode.OK, responses[i].StatusCode);
            var body = TeamsBotHost.Parse(await responses[i].Content.ReadAsStringAsync(Ct));
            Assert.Equal(("application/vnd.microsoft.card.adaptive", 200), (body.GetProperty("type").GetString(), body.GetProperty("statusCode").GetInt32()));
            // Unescaped, so "cambió" reads as written whatever escaping the host's serializer chose.
            cards.Add((i, JsonNode.Parse(body.GetProperty("value").GetRawText())!.ToJsonString(Unescaped)));
        }
        // The winner's notice is in their language too (it was English-only before the deal texts moved to the catalog).
        var winner = Assert.Single(cards, c => c.Card.Contains("Marked won by Rae Rep just now", StringComparison.Ordinal)
            || c.Card.Contains("Marcado como ganado por Rae Rep ahora mismo", StringComparison.Ordinal));
        Assert.Contains(Locale(winner.Racer) == "es-ES" ? "Marcado como ganado por Rae Rep ahora mismo" : "Marked won by Rae Rep just now", winner.Card, StringComparison.Ordinal);
        var losers = cards.Where(c => c.Racer != winner.Racer).ToList();
        Assert.Equal(Racers - 1, losers.Count);
        Assert.All(losers, c => Assert.Contains(
            Locale(c.Racer) == "es-ES" ? "Este negocio cambió desde que lo abriste" : "This deal changed since you opened it", c.Card, StringComparison.Ordinal));
        await AssertWonOnceAsync(world, DealWorld.AcmeExpansion, ChangeChannel.Teams);
    }

    private static async Task AssertWonOnceAsync(DealRaceWorld world, string dealId, ChangeChannel channel)
    {
        await using var db = world.Database.NewContext();
        var deal = await db.Deals.AsNoTracking().SingleAsync(d => d.Id == dealId, Ct);
        Assert.Equal((DealStatus.Won, 2), (deal.Status, deal.Version));
        Assert.Equal(1, await db.Handoffs.CountAsync(h => h.DealId == dealId, Ct));
        Assert.Equal(1, await db.Outbox.CountAsync(m => m.Kind == "handoff.won", Ct));
        var audit = Assert.Single(await db.AuditLog.AsNoTracking().Where(a => a.EntityId == dealId).ToListAsync(Ct));
        Assert.Equal(("won", channel, 2), (audit.Action, audit.Channel, audit.Version));
    }
}
