using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RevBot.Core.Domain;
using RevBot.Core.Sources;
using RevBot.Data.Storage;
using RevBot.IntegrationTests.Cli;
using RevBot.Testing.Sources.Hubspot;

namespace RevBot.IntegrationTests.Sources.Hubspot;

/// <summary>A sync from the fake HubSpot, through the real HTTP client and the sync runner, into SQLite and PostgreSQL.</summary>
[Collection(HubspotWorld.Collection)]
public sealed class HubspotSyncTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<DbProvider> Providers() => HubspotWorld.Providers();

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_full_sync_imports_companies_contacts_deals_with_history_and_activities(DbProvider provider)
    {
        await using var world = await HubspotWorld.StartAsync(provider);
        var sample = FakeHubspotSample.Seed(world.Fake);

        var run = await world.SyncAsync(full: true);

        Assert.Null(run.Error);
        Assert.Equal(0, run.Skipped);
        var deals = await world.DealsAsync();
        Assert.Equal(sample.Deals.Select(d => "hubspot:" + d.Id).Order(StringComparer.Ordinal), deals.Select(d => d.Id));
        var renewal = deals.Single(d => d.Id == "hubspot:" + sample.Deals[0].Id);
        Assert.Equal(("Acme renewal", "Closed Won", DealStatus.Won, 12000m, 100), (renewal.Name, renewal.Stage, renewal.Status, renewal.Amount, renewal.Probability));
        Assert.Equal("hubspot:" + sample.Acme.Id, renewal.AccountId);
        Assert.Equal(new DateTime(2026, 1, 20, 0, 0, 0, DateTimeKind.Utc), renewal.ClosedAt);
        Assert.Equal(sample.Deals[0].ModifiedAt.UtcDateTime, renewal.SourceModifiedAt);
        var lost = deals.Single(d => d.Id == "hubspot:" + sample.Deals[1].Id);
        Assert.Equal((DealStatus.Lost, "Price", DealType.Expansion), (lost.Status, lost.LossReason, lost.Type));
        var open = deals.Single(d => d.Id == "hubspot:" + sample.Deals[3].Id);
        Assert.Equal(("Contract Sent", DealStatus.Open, 90, "Send the order form", new DateOnly(2026, 3, 30)), (open.Stage, open.Status, open.Probability, open.NextStep, open.CloseDate));
        Assert.Equal(0m, deals.Single(d => d.Id == "hubspot:" + sample.Deals[5].Id).Amount);

        var history = await world.QueryAsync(db => db.DealStageHistory.AsNoTracking().Where(h => h.DealId == renewal.Id).OrderBy(h => h.EnteredAt).Select(h => h.Stage).ToListAsync(Ct));
        Assert.Equal(["Appointment Scheduled", "Contract Sent", "Closed Won"], history);
        var owners = await world.QueryAsync(db => db.Deals.AsNoTracking().Where(d => d.Id == renewal.Id).Select(d => d.Owner!.Email).SingleAsync(Ct));
        Assert.Equal("ana.garcia@acme.test", owners);
        var accounts = await world.QueryAsync(db => db.Accounts.AsNoTracking().OrderBy(a => a.Name).Select(a => a.Name).ToListAsync(Ct));
        Assert.Equal(["Acme Corp", "Globex", "Umbrella"], accounts);
        var contact = await world.QueryAsync(db => db.Contacts.AsNoTracking().SingleAsync(Ct));
        Assert.Equal(("Wile", "hubspot:" + sample.Acme.Id), (contact.FirstName, contact.AccountId));

        var activities = await world.QueryAsync(db => db.Activities.AsNoTracking().OrderBy(a => a.OccurredAt).ToListAsync(Ct));
        Assert.Equal([ActivityType.Call, ActivityType.Email, ActivityType.Meeting, ActivityType.Note], activities.Select(a => a.Type));
        Assert.Equal(renewal.Id, activities[0].DealId);
        Assert.Equal(("hubspot:" + sample.Globex.Id, null), (activities[2].AccountId, activities[2].DealId));
        Assert.Equal("Champion is Wile", activities[3].Subject);
        Assert.Equal(sample.Deals.Count + 3 + 1 + sample.Engagements.Count, run.Read);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task The_win_rate_asked_after_a_sync_is_the_one_the_portal_holds(DbProvider provider)
    {
        await using var world = await HubspotWorld.StartAsync(provider);
        var sample = FakeHubspotSample.Seed(world.Fake);
        Assert.Null((await world.SyncAsync(full: true)).Error);

        // From the fake's own records: deals closed in Q1 2026, won over won + lost.
        var quarter = (From: new DateOnly(2026, 1, 1), To: new DateOnly(2026, 3, 31));
        var closed = sample.Deals.Where(d => d["dealstage"] is "closedwon" or "closedlost")
            .Where(d => DateOnly.FromDateTime(DateTime.Parse(d["closedate"]!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal)) is var c && c >= quarter.From && c <= quarter.To)
            .ToList();
        var expected = (decimal)closed.Count(d => d["dealstage"] == "closedwon") / closed.Count;

        var (code, output, error) = await CliRun.InProcessAsync("ask", "what's our win rate this quarter?", "--db", world.CliTarget,
            "--as-of", FakeHubspotSample.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "--format", "json");

        Assert.True(code == 0, error);
        var answer = JsonDocument.Parse(output).RootElement;
        Assert.Equal(expected, answer.GetProperty("value").GetDecimal());
        Assert.Equal(0.5m, expected);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task An_incremental_sync_reads_what_changed_and_deletes_what_was_archived(DbProvider provider)
    {
        // Pages of two: the cursor must follow every page of the full sync, not stop at the first.
        await using var world = await HubspotWorld.StartAsync(provider, pageSize: 2, window: 100);
        var sample = FakeHubspotSample.Seed(world.Fake);
        Assert.Null((await world.SyncAsync(full: true)).Error);
        var cursor = await world.QueryAsync(db => db.SyncCursors.AsNoTracking().SingleAsync(c => c.System == SourceSystem.Hubspot && c.Object == "deals", Ct));

        world.Fake.Change(sample.Deals[3], new Dictionary<string, string?> { ["amount"] = "25000", ["dealstage"] = "closedwon", ["closedate"] = "2026-02-12T00:00:00.000Z" });
        world.Fake.Archive(sample.Deals[5]);
        var searchesBefore = world.Fake.Calls("POST", "/crm/v3/objects/deals/search").Count();
        var run = await world.SyncAsync();

        Assert.Null(run.Error);
        var deals = await world.DealsAsync();
        Assert.DoesNotContain(deals, d => d.Id == "hubspot:" + sample.Deals[5].Id);
        var won = deals.Single(d => d.Id == "hubspot:" + sample.Deals[3].Id);
        Assert.Equal((25000m, DealStatus.Won, "Closed Won"), (won.Amount, won.Status, won.Stage));
        Assert.Equal(1, run.Deleted);
        // Only the changed deal was read, by a search from the stored cursor.
        var search = world.Fake.Calls("POST", "/crm/v3/objects/deals/search").Skip(searchesBefore).Single();
        var filter = JsonDocument.Parse(search.Body).RootElement.GetProperty("filterGroups")[0].GetProperty("filters")[0];
        Assert.Equal(("hs_lastmodifieddate", "GTE"), (filter.GetProperty("propertyName").GetString(), filter.GetProperty("operator").GetString()));
        Assert.Equal(DateTimeOffset.Parse(cursor.Position, CultureInfo.InvariantCulture).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture), filter.GetProperty("value").GetString());
        using var details = JsonDocument.Parse(run.Details!);
        Assert.Equal(1, details.RootElement.GetProperty("objects").GetProperty("deals").GetProperty("read").GetInt32());
        var history = await world.QueryAsync(db => db.DealStageHistory.AsNoTracking().Where(h => h.DealId == won.Id).Select(h => h.Stage).ToListAsync(Ct));
        Assert.Equal(["Appointment Scheduled", "Closed Won", "Contract Sent"], history.Order(StringComparer.Ordinal));

        // Nothing changed since: a further sync writes nothing (no flip-flop, no duplicate history).
        var again = await world.SyncAsync();
        Assert.Equal((0, 0), (again.Written, again.Deleted));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_sync_cut_short_by_failing_pages_resumes_after_its_last_committed_page_without_duplicates(DbProvider provider)
    {
        await using var world = await HubspotWorld.StartAsync(provider, pageSize: 2, window: 100);
        FakeHubspotSample.Seed(world.Fake);
        // The second page of deals fails on every attempt (the first and the five retries).
        world.Fake.Fail(r => r.PathOnly == "/crm/v3/objects/deals/search" && r.Body.Contains("\"after\":\"2\"", StringComparison.Ordinal), 6, 500);

        var failed = await world.SyncAsync();

        Assert.Contains("500", failed.Error, StringComparison.Ordinal);
        Assert.Equal(2, (await world.DealsAsync()).Count);
        var cursor = await world.QueryAsync(db => db.SyncCursors.AsNoTracking().SingleAsync(c => c.System == SourceSystem.Hubspot && c.Object == "deals", Ct));

        var resumed = await world.SyncAsync();

        Assert.Null(resumed.Error);
        var deals = await world.DealsAsync();
        Assert.Equal(6, deals.Count);
        Assert.Equal(6, deals.Select(d => d.Id).Distinct().Count());
        var firstResumed = world.Fake.Calls("POST", "/crm/v3/objects/deals/search").Last(r => !r.Body.Contains("\"after\"", StringComparison.Ordinal));
        Assert.Contains(DateTimeOffset.Parse(cursor.Position, CultureInfo.InvariantCulture).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture), firstResumed.Body, StringComparison.Ordinal);
        var historyRows = await world.QueryAsync(db => db.DealStageHistory.CountAsync(Ct));
        var expected = world.Fake.Store.All("deals").Sum(d => d.StageHistory.Select(h => (h.Value, h.At)).Distinct().Count());
        Assert.Equal(expected, historyRows);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_rate_limited_answer_is_waited_out_and_nothing_is_lost(DbProvider provider)
    {
        await using var world = await HubspotWorld.StartAsync(provider);
        var sample = FakeHubspotSample.Seed(world.Fake);
        world.Fake.Fail(r => r.PathOnly == "/crm/v3/objects/deals/search", 1, 429, retryAfterSeconds: 1);

        var run = await world.SyncAsync(full: true);

        Assert.Null(run.Error);
        Assert.Equal(sample.Deals.Count, (await world.DealsAsync()).Count);
        var searches = world.Fake.Calls("POST", "/crm/v3/objects/deals/search").ToList();
        Assert.Equal(2, searches.Count);
        Assert.True(searches[1].At - searches[0].At >= TimeSpan.FromSeconds(0.9), "the retry came before Retry-After");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_read_past_the_search_window_is_cut_into_time_slices(DbProvider provider)
    {
        await using var world = await HubspotWorld.StartAsync(provider, pageSize: 2, window: 5);
        var company = world.Fake.AddCompany("Big");
        for (var i = 0; i < 17; i++) world.Fake.AddDeal($"Deal {i}", 100 + i, "qualifiedtobuy", company: company);

        var run = await world.SyncAsync(full: true);

        Assert.Null(run.Error);
        Assert.Equal(17, (await world.DealsAsync()).Count);
        var searches = world.Fake.Calls("POST", "/crm/v3/objects/deals/search").Select(r => JsonDocument.Parse(r.Body).RootElement).ToList();
        Assert.All(searches, s => Assert.True((s.TryGetProperty("after", out var a) ? int.Parse(a.GetString()!, CultureInfo.InvariantCulture) : 0) + s.GetProperty("limit").GetInt32() <= 5));
        Assert.True(searches.Count(s => s.GetProperty("filterGroups").GetArrayLength() > 0) >= 3, "the read was not sliced");
    }
}
