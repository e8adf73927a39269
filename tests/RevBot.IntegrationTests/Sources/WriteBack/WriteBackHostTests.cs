using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RevBot.Core.Domain;
using RevBot.Core.Sources;
using RevBot.Core.Storage;
using RevBot.Data.Storage;
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
            rae.TeamsUserId = WriteBackHost.RaeAad;
            foreach (var (record, owner) in new[] { (robs, rob), (raes, rae), (changed, rob) })
                db.Deals.Add(new Deal
                {
                    Id = "hubspot:" + record.Id, Name = record["dealname"], AccountId = "acc-1", OwnerId = owner.Id, Amount = 50_000m, Stage = "Proposal",
                    Status = DealStatus.Open, CloseDate = new DateOnly(2026, 12, 15), SourceModifiedAt = record.ModifiedAt.UtcDateTime,
                });
            await db.SaveChangesAsync(Ct);
        }
        await using var host = await WriteBackHost.StartAsync(database,
            "--Sources:Hubspot:Enabled=true", "--Sources:Hubspot:Background=false", $"--Sources:Hubspot:AccessToken={FakeHubspot.Token}", $"--Sources:Hubspot:BaseUrl={hubspot.BaseUri}");

        // Rob marks his deal won from a Slack card.
        Assert.Equal(HttpStatusCode.OK, (await host.SlackWinAsync("hubspot:" + robs.Id, "won-1")).StatusCode);
        Assert.Contains("Marked won by Rob Rep just now", await host.SlackAnswerAsync("won-1"), StringComparison.Ordinal);
        // Rae marks hers won from a Teams card, in Spanish.
        var teams = await host.TeamsWinAsync("hubspot:" + raes.Id);
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
        await host.SlackWinAsync("hubspot:" + changed.Id, "won-2");
        var answer = await host.SlackAnswerAsync("won-2");
        Assert.Contains("Someone changed this deal in HubSpot meanwhile", answer, StringComparison.Ordinal);
        Assert.Contains("$77,000", answer, StringComparison.Ordinal);
        Assert.Equal(2, hubspot.Calls("PATCH", "/crm/v3/objects/deals/").Count());
        await using var check = database.NewContext();
        var deal = await check.Deals.AsNoTracking().SingleAsync(d => d.Id == "hubspot:" + changed.Id, Ct);
        Assert.Equal((DealStatus.Open, 77_000m, 3), (deal.Status, deal.Amount, deal.Version));
        Assert.Equal(2, await check.CrmWrites.CountAsync(w => w.Outcome == "written", Ct));

        // The next sync brings HubSpot's records back: no duplicate, and the two won deals stay won (no flip-flop).
        await using (var scope = host.App.Services.CreateAsyncScope())
        {
            var outcome = await scope.ServiceProvider.GetRequiredService<SyncRunner>().RunAsync(
                scope.ServiceProvider.GetRequiredService<RevBotDb>(), SourceConnectors.Find(host.App.Services, SourceSystem.Hubspot)!, new SyncRequest(), Ct);
            Assert.True(outcome.Succeeded, outcome.Run?.Error);
        }
        var synced = await check.Deals.AsNoTracking().Where(d => d.Id.StartsWith("hubspot:")).ToListAsync(Ct);
        Assert.Equal(3, synced.Count);
        Assert.All(synced.Where(d => d.Id != "hubspot:" + changed.Id), d => Assert.Equal(DealStatus.Won, d.Status));
        Assert.Equal(77_000m, synced.Single(d => d.Id == "hubspot:" + changed.Id).Amount);
        Assert.Equal(2, hubspot.Calls("PATCH", "/crm/v3/objects/deals/").Count());
    }
}
