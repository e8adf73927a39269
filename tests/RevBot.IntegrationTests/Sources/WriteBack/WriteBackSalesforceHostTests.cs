using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RevBot.Core.Domain;
using RevBot.Core.Sources;
using RevBot.Core.Storage;
using RevBot.Data.Storage;
using RevBot.IntegrationTests.Sources.Salesforce;
using RevBot.Sources.Sync;
using RevBot.Testing;
using RevBot.Testing.Deals;
using RevBot.Testing.Salesforce;

namespace RevBot.IntegrationTests.Sources.WriteBack;

/// <summary>
/// Salesforce end to end through the real host: a sync from the fake org; "win rate this quarter" asked through the API
/// equals the one computed from the org's own records; a deal marked won from a Slack card and another from a Teams
/// card each reach the org as exactly one PATCH with If-Unmodified-Since; a press on an opportunity changed in
/// Salesforce meanwhile is refused by the org (412) and answered with its values; the next sync brings no duplicate and
/// flips nothing back.
/// </summary>
[Collection(SalesforceHarness.Collection)]
public sealed class WriteBackSalesforceHostTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Sync_ask_and_presses_from_slack_and_teams_reach_salesforce_once_each_and_a_conflict_is_refused_and_shown(DbProvider provider)
    {
        // The org's clock runs with the host's (it checks the sign-in's assertion against it) and can be moved on, so an
        // edit in Salesforce can be put in a later second than the last sync read (If-Unmodified-Since has whole seconds).
        var orgClock = new AheadClock();
        await using var salesforce = await FakeSalesforce.StartAsync(orgClock);
        FakeSalesforceData.Generate(salesforce.Store, 300, Today, seed: 7);
        var account = salesforce.Store.Live("Account").First().Id;
        FakeRecord Opportunity(string name, string owner) => salesforce.Store.Add("Opportunity", new Dictionary<string, object?>
        {
            ["Name"] = name, ["AccountId"] = account, ["Owner.Email"] = owner, ["Amount"] = 50_000m, ["StageName"] = "Proposal/Price Quote",
            ["CloseDate"] = new DateOnly(2026, 12, 15), ["IsClosed"] = false, ["IsWon"] = false, ["Probability"] = 75m,
            ["ForecastCategoryName"] = "Pipeline", ["Type"] = "New Customer", ["LeadSource"] = "Web", ["NextStep"] = "Send the quote",
        });
        var (robs, raes, changed) = (Opportunity("Rob's", DealWorld.Rob), Opportunity("Rae's", DealWorld.Rae), Opportunity("Changed in Salesforce", DealWorld.Rob));

        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.NewContext())
        {
            // Only the people: every deal comes from the org, so the numbers are the org's.
            db.Users.AddRange(
                new User { Email = DealWorld.Rita, Name = "Rita Revops", Role = UserRole.Revops },
                new User { Email = DealWorld.Rob, Name = "Rob Rep", Role = UserRole.Rep, SlackUserId = "U0ROB" },
                new User { Email = DealWorld.Rae, Name = "Rae Rep", Role = UserRole.Rep, TeamsUserId = WriteBackHost.RaeAad });
            await db.SaveChangesAsync(Ct);
        }
        await using var host = await WriteBackHost.StartAsync(database,
            "--Sources:Salesforce:Enabled=true", "--Sources:Salesforce:Background=false", $"--Sources:Salesforce:LoginUrl={salesforce.BaseUrl}",
            $"--Sources:Salesforce:ClientId={FakeSalesforce.ClientId}", $"--Sources:Salesforce:Username={FakeSalesforce.Username}",
            $"--Sources:Salesforce:PrivateKey={FakeSalesforce.PrivateKeyPem}");

        // The sync brings the org in.
        await SyncAsync(host);
        await using var check = database.NewContext();
        var opportunities = salesforce.Store.Live("Opportunity").ToList();
        Assert.Equal(opportunities.Count, await check.Deals.CountAsync(d => d.Id.StartsWith("salesforce:"), Ct));

        // "Win rate this quarter" is the org's: won ÷ (won + lost) by close date in the quarter.
        var closed = opportunities.Where(o => (bool)o.Fields["IsClosed"]! && (DateOnly)o.Fields["CloseDate"]! is var d && d >= new DateOnly(2026, 10, 1) && d <= new DateOnly(2026, 12, 31)).ToList();
        var won = closed.Count(o => (bool)o.Fields["IsWon"]!);
        Assert.True(won > 0 && won < closed.Count, "the generated quarter has both won and lost deals");
        using (var ask = new HttpRequestMessage(HttpMethod.Post, "/api/ask") { Content = JsonContent.Create(new { question = "win rate this quarter", asOf = "2026-11-27" }) })
        {
            ask.Headers.Add("X-Api-Key", WriteBackHost.ApiKey);
            using var answer = await host.Http.SendAsync(ask, Ct);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            var value = JsonDocument.Parse(await answer.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("value").GetDecimal();
            Assert.Equal(Math.Round((decimal)won / closed.Count, 6), Math.Round(value, 6));
        }

        // Rob marks his deal won from a Slack card; Rae hers from a Teams card, in Spanish.
        var synced = ((DateTimeOffset)robs.Fields["LastModifiedDate"]!, (DateTimeOffset)raes.Fields["LastModifiedDate"]!);
        Assert.Equal(HttpStatusCode.OK, (await host.SlackWinAsync(Id(robs), "sf-won-1")).StatusCode);
        Assert.Contains("Marked won by Rob Rep just now", await host.SlackAnswerAsync("sf-won-1"), StringComparison.Ordinal);
        var teams = await host.TeamsWinAsync(Id(raes));
        Assert.Equal(HttpStatusCode.OK, teams.StatusCode);
        Assert.Contains("Marcado como ganado por Rae Rep ahora mismo", await teams.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var patches = salesforce.Requests.Where(r => r.Method == "PATCH").ToList();
        Assert.Equal(2, patches.Count);
        foreach (var (record, modified) in new[] { (robs, synced.Item1), (raes, synced.Item2) })
        {
            var patch = Assert.Single(patches, p => p.Path.EndsWith("/sobjects/Opportunity/" + record.Id, StringComparison.Ordinal));
            Assert.Equal(modified.UtcDateTime.ToString("R", CultureInfo.InvariantCulture), patch.IfUnmodifiedSince);
            Assert.Equal("Closed Won", JsonDocument.Parse(patch.Body).RootElement.GetProperty("StageName").GetString());
            Assert.Equal((true, true), ((bool)record.Fields["IsClosed"]!, (bool)record.Fields["IsWon"]!));
        }

        // Someone changes the third opportunity in Salesforce, a second later; Rob's press on his card is refused by the
        // org (412: nothing is overwritten) and answered with Salesforce's values.
        orgClock.Ahead = TimeSpan.FromSeconds(2);
        salesforce.Store.Update(changed.Id, new Dictionary<string, object?> { ["Amount"] = 77_000m });
        await host.SlackWinAsync(Id(changed), "sf-won-2");
        var refused = await host.SlackAnswerAsync("sf-won-2");
        Assert.Contains("Someone changed this deal in Salesforce meanwhile", refused, StringComparison.Ordinal);
        Assert.Contains("$77,000", refused, StringComparison.Ordinal);
        Assert.Equal(3, salesforce.Requests.Count(r => r.Method == "PATCH"));
        Assert.Equal((77_000m, false), ((decimal)changed.Fields["Amount"]!, (bool)changed.Fields["IsWon"]!));
        var deal = await check.Deals.AsNoTracking().SingleAsync(d => d.Id == Id(changed), Ct);
        Assert.Equal((DealStatus.Open, 77_000m), (deal.Status, deal.Amount));
        Assert.Equal(2, await check.CrmWrites.CountAsync(w => w.Outcome == "written", Ct));
        Assert.Equal(1, await check.CrmWrites.CountAsync(w => w.Outcome == "conflict", Ct));

        // The next sync: no duplicate, the two won deals stay won, the changed one keeps Salesforce's amount, nothing is written.
        await SyncAsync(host);
        var after = await check.Deals.AsNoTracking().Where(d => d.Id.StartsWith("salesforce:")).ToDictionaryAsync(d => d.Id, Ct);
        Assert.Equal(opportunities.Count, after.Count);
        Assert.Equal((DealStatus.Won, DealStatus.Won), (after[Id(robs)].Status, after[Id(raes)].Status));
        Assert.Equal(("Closed Won", 50_000m), (after[Id(robs)].Stage, after[Id(robs)].Amount));
        Assert.Equal((DealStatus.Open, 77_000m), (after[Id(changed)].Status, after[Id(changed)].Amount));
        Assert.Equal(3, salesforce.Requests.Count(r => r.Method == "PATCH"));
    }

    /// <summary>The real clock, <see cref="Ahead"/> of it.</summary>
    private sealed class AheadClock : TimeProvider
    {
        public TimeSpan Ahead { get; set; }

        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Ahead;
    }

    private static string Id(FakeRecord record) => SourceIds.Of(SourceSystem.Salesforce, record.Id);

    private static async Task SyncAsync(WriteBackHost host)
    {
        await using var scope = host.App.Services.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<SyncRunner>().RunAsync(
            scope.ServiceProvider.GetRequiredService<RevBotDb>(), SourceConnectors.Find(host.App.Services, SourceSystem.Salesforce)!, new SyncRequest(), Ct);
        Assert.True(outcome.Succeeded, outcome.Run?.Error);
    }
}
