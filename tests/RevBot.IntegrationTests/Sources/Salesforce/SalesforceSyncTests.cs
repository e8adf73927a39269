using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RevBot.Core.Domain;
using RevBot.Core.Sources;
using RevBot.Data.Storage;
using RevBot.Testing.Salesforce;

namespace RevBot.IntegrationTests.Sources.Salesforce;

/// <summary>
/// Syncs from the fake org into SQLite and PostgreSQL through the real runner and importer: a full sync brings every
/// record with its mapping and collapsed stage history, page by page; an incremental sync reads only what changed
/// since the stored (SystemModstamp, Id) and removes what was deleted; a run that fails on a page resumes after the
/// last committed one without duplicates; a sync that finds nothing new changes nothing.
/// </summary>
[Collection(SalesforceHarness.Collection)]
public sealed class SalesforceSyncTests
{
    internal static readonly DateOnly Today = new(2026, 11, 27);

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task A_full_sync_brings_every_record_with_its_fields_and_stage_history(DbProvider provider)
    {
        await using var h = await SalesforceHarness.StartAsync(provider, seed: f => FakeSalesforceData.Generate(f.Store, 450, Today));
        var outcome = await h.SyncAsync(full: true);

        Assert.True(outcome.Succeeded, outcome.Run?.Error);
        var store = h.Fake.Store;
        Assert.Equal(45 + 45 + 450 + 90 + 45, outcome.Run!.Read);
        // 450 opportunities in pages of 200: two next pages followed by nextRecordsUrl.
        Assert.True(h.Fake.Requests.Count(r => r.Path.Contains("/query/01gFAKE", StringComparison.Ordinal)) >= 2);
        Assert.All(h.Fake.Requests.Where(r => r.Soql is not null), r => Assert.Equal("batchSize=200", r.QueryOptions));

        await using var db = h.Database!.NewContext();
        var deals = await db.Deals.AsNoTracking().Include(d => d.Owner).ToDictionaryAsync(d => d.Id, Ct);
        Assert.Equal(450, deals.Count);
        foreach (var o in store.Live("Opportunity"))
        {
            var deal = deals[SourceIds.Of(SourceSystem.Salesforce, o.Id)];
            var closed = (bool)o.Fields["IsClosed"]!;
            Assert.Equal(!closed ? DealStatus.Open : (bool)o.Fields["IsWon"]! ? DealStatus.Won : DealStatus.Lost, deal.Status);
            Assert.Equal((decimal)o.Fields["Amount"]!, deal.Amount);
            Assert.Equal(o.Fields["StageName"], deal.Stage);
            Assert.Equal((DateOnly)o.Fields["CloseDate"]!, deal.CloseDate);
            Assert.Equal(closed ? ((DateOnly)o.Fields["CloseDate"]!).ToDateTime(new TimeOnly(12, 0)) : null, deal.ClosedAt);
            Assert.Equal(((DateTimeOffset)o.Fields["LastModifiedDate"]!).UtcDateTime, deal.SourceModifiedAt);
            Assert.Equal(o.Fields["Owner.Email"], deal.Owner?.Email);
            Assert.Equal(SourceIds.Of(SourceSystem.Salesforce, (string)o.Fields["AccountId"]!), deal.AccountId);
        }
        Assert.Equal(45, await db.Accounts.CountAsync(Ct));
        Assert.Equal(45, await db.Contacts.CountAsync(Ct));
        Assert.Equal(135, await db.Activities.CountAsync(a => a.DealId != null && a.AccountId != null, Ct));
        // OpportunityHistory also records amount changes; only a change of stage is a stage entered.
        var expected = ExpectedHistory(store);
        var stored = await db.DealStageHistory.AsNoTracking().Select(s => new { s.DealId, s.Stage, s.EnteredAt }).ToListAsync(Ct);
        Assert.Equal(expected.Count, stored.Count);
        Assert.Equal(expected.ToHashSet(), stored.Select(s => (s.DealId, s.Stage, s.EnteredAt)).ToHashSet());

        // Nothing changed in Salesforce: the next sync writes nothing and leaves every deal's version as it was.
        var again = await h.SyncAsync();
        Assert.True(again.Succeeded, again.Run?.Error);
        Assert.Equal(0, again.Run!.Read);
        Assert.Equal(0, again.Run.Written);
        var full = await h.SyncAsync(full: true);
        Assert.Equal(0, full.Run!.Written);
        Assert.All(await db.Deals.AsNoTracking().ToListAsync(Ct), d => Assert.Equal(deals[d.Id].Version, d.Version));
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task An_incremental_sync_reads_what_changed_after_the_cursor_and_removes_what_was_deleted(DbProvider provider)
    {
        await using var h = await SalesforceHarness.StartAsync(provider, seed: f => FakeSalesforceData.Generate(f.Store, 300, Today));
        Assert.True((await h.SyncAsync()).Succeeded);
        var store = h.Fake.Store;
        var open = store.Live("Opportunity").Where(o => !(bool)o.Fields["IsClosed"]!).Take(4).ToList();
        store.Update(open[0].Id, new Dictionary<string, object?> { ["StageName"] = "Closed Won", ["CloseDate"] = Today });
        store.Update(open[1].Id, new Dictionary<string, object?> { ["Amount"] = 123_456m });
        store.Update(open[2].Id, new Dictionary<string, object?> { ["NextStep"] = "Send the contract" });
        store.Delete(open[3].Id);
        var added = store.Add("Opportunity", new Dictionary<string, object?>
        {
            ["Name"] = "Brand new", ["AccountId"] = open[0].Fields["AccountId"], ["Owner.Email"] = "new.rep@acme.test", ["Amount"] = 5000m,
            ["StageName"] = "Prospecting", ["CloseDate"] = Today.AddDays(30), ["IsClosed"] = false, ["IsWon"] = false, ["Probability"] = 10m,
            ["ForecastCategoryName"] = "Pipeline", ["Type"] = "New Customer",
        });
        var task = store.Live("Task").First();
        store.Delete(task.Id);
        var before = h.Fake.Requests.Count;

        var outcome = await h.SyncAsync();

        Assert.True(outcome.Succeeded, outcome.Run?.Error);
        Assert.Equal(4 + 1 + 1, outcome.Run!.Read);
        var details = JsonDocument.Parse(outcome.Run.Details!).RootElement.GetProperty("objects");
        Assert.Equal(4, details.GetProperty("Opportunity").GetProperty("read").GetInt32());
        Assert.Equal(1, details.GetProperty("Opportunity.deleted").GetProperty("deleted").GetInt32());
        // Every changed-records query of this run carried the stored bound.
        var queries = h.Fake.Requests.Skip(before).Where(r => r.Soql is not null && !r.Soql.Contains("OpportunityStage", StringComparison.Ordinal) && !r.Soql.Contains("OpportunityHistory", StringComparison.Ordinal)).Select(r => FakeSoql.TryParse(r.Soql!, out _)!).ToList();
        Assert.Equal(5, queries.Count(q => !q.WantsDeleted));
        Assert.All(queries.Where(q => !q.WantsDeleted), q => Assert.NotNull(q.After));

        await using var db = h.Database!.NewContext();
        var won = await db.Deals.AsNoTracking().SingleAsync(d => d.Id == Id(open[0].Id), Ct);
        Assert.Equal(DealStatus.Won, won.Status);
        Assert.Equal("Closed Won", won.Stage);
        Assert.Contains(await db.DealStageHistory.Where(s => s.DealId == won.Id).Select(s => s.Stage).ToListAsync(Ct), s => s == "Closed Won");
        Assert.Equal(123_456m, (await db.Deals.SingleAsync(d => d.Id == Id(open[1].Id), Ct)).Amount);
        Assert.Equal("Send the contract", (await db.Deals.SingleAsync(d => d.Id == Id(open[2].Id), Ct)).NextStep);
        Assert.False(await db.Deals.AnyAsync(d => d.Id == Id(open[3].Id), Ct));
        Assert.False(await db.Activities.AnyAsync(a => a.Id == Id(task.Id), Ct));
        Assert.True(await db.Deals.AnyAsync(d => d.Id == Id(added.Id) && d.Owner!.Email == "new.rep@acme.test", Ct));
        Assert.Equal(300, await db.Deals.CountAsync(Ct));
        Assert.Equal(ExpectedHistory(store).Count, await db.DealStageHistory.CountAsync(Ct));
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task A_sync_that_fails_on_a_page_resumes_after_the_last_committed_page_without_duplicates(DbProvider provider)
    {
        await using var h = await SalesforceHarness.StartAsync(provider, seed: f => FakeSalesforceData.Generate(f.Store, 450, Today));
        var failed = 0;
        // The opportunities' second page: its query locator has expired (a 400 no retry outlasts).
        h.Fake.Script = r => Interlocked.CompareExchange(ref failed, 0, 0) == 0 && h.Fake.Locators.FirstOrDefault(l => l.Object == "Opportunity").Locator is { } locator
                                && r.Path.EndsWith($"/query/{locator}-200", StringComparison.Ordinal) && Interlocked.Exchange(ref failed, 1) == 0
            ? FakeSalesforce.Error(400, "INVALID_QUERY_LOCATOR", "invalid query locator")
            : null;

        var first = await h.SyncAsync();

        Assert.False(first.Succeeded);
        Assert.Contains("INVALID_QUERY_LOCATOR", first.Run!.Error, StringComparison.Ordinal);
        await using var db = h.Database!.NewContext();
        Assert.Equal(200, await db.Deals.CountAsync(Ct));
        var cursor = await db.SyncCursors.AsNoTracking().SingleAsync(c => c.System == SourceSystem.Salesforce && c.Object == "Opportunity", Ct);
        var last = h.Fake.Store.Live("Opportunity").OrderBy(o => o.SystemModstamp).ThenBy(o => o.Id, StringComparer.Ordinal).ElementAt(199);
        Assert.EndsWith("|" + last.Id, cursor.Position, StringComparison.Ordinal);

        var second = await h.SyncAsync();

        Assert.True(second.Succeeded, second.Run?.Error);
        var objects = JsonDocument.Parse(second.Run!.Details!).RootElement.GetProperty("objects");
        Assert.Equal(250, objects.GetProperty("Opportunity").GetProperty("read").GetInt32());
        Assert.Equal(450, await db.Deals.CountAsync(Ct));
        Assert.Equal(ExpectedHistory(h.Fake.Store).Count, await db.DealStageHistory.CountAsync(Ct));
        Assert.Equal(135, await db.Activities.CountAsync(Ct));
    }

    /// <summary>Each opportunity's history in time order, a row kept only where the stage changes.</summary>
    internal static List<(string DealId, string Stage, DateTime EnteredAt)> ExpectedHistory(FakeSalesforceStore store)
    {
        var live = store.Live("Opportunity").Select(o => o.Id).ToHashSet(StringComparer.Ordinal);
        var rows = new List<(string, string, DateTime)>();
        foreach (var group in store.All.Where(r => r.Type == "OpportunityHistory" && live.Contains((string)r.Fields["OpportunityId"]!)).GroupBy(r => (string)r.Fields["OpportunityId"]!))
        {
            string? previous = null;
            foreach (var h in group.OrderBy(r => (DateTimeOffset)r.Fields["CreatedDate"]!))
            {
                var stage = (string)h.Fields["StageName"]!;
                if (stage == previous) continue;
                previous = stage;
                rows.Add((Id(group.Key), stage, ((DateTimeOffset)h.Fields["CreatedDate"]!).UtcDateTime));
            }
        }
        return rows;
    }

    internal static string Id(string salesforceId) => SourceIds.Of(SourceSystem.Salesforce, salesforceId);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
}
