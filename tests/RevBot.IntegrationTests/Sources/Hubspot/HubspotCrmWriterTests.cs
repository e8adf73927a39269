using System.Text.Json;
using RevBot.Data.Storage;
using RevBot.Sources.Sync;
using RevBot.Testing.Sources.Hubspot;

namespace RevBot.IntegrationTests.Sources.Hubspot;

/// <summary>Write-back to the fake HubSpot: the concurrency check, the PATCH body, HubSpot's refusals, notes.</summary>
[Collection(HubspotWorld.Collection)]
public sealed class HubspotCrmWriterTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_change_to_a_deal_hubspot_has_not_touched_is_patched_once_with_hubspots_property_names()
    {
        await using var world = await HubspotWorld.StartAsync(DbProvider.Sqlite);
        var sample = FakeHubspotSample.Seed(world.Fake);
        var deal = sample.Deals[3];
        var fields = new Dictionary<string, string?>
        {
            ["stage"] = "Decision Maker Bought-In", ["amount"] = "21500.5", ["close_date"] = "2026-04-15", ["next_step"] = "Legal review",
            ["probability"] = "75", ["forecast_category"] = "best_case",
        };

        var result = await world.Writer.WriteDealAsync(new CrmDealWrite(deal.Id, fields, deal.ModifiedAt.UtcDateTime), Ct);

        Assert.Equal(CrmWriteStatus.Written, result.Status);
        Assert.Equal(deal.ModifiedAt.UtcDateTime, result.ModifiedAt);
        var patch = Assert.Single(world.Fake.Calls("PATCH", "/crm/v3/objects/deals/"));
        Assert.Equal($"/crm/v3/objects/deals/{deal.Id}", patch.PathOnly);
        var sent = JsonDocument.Parse(patch.Body).RootElement.GetProperty("properties").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString());
        Assert.Equal(new Dictionary<string, string?>
        {
            ["dealstage"] = "decisionmakerboughtin", ["amount"] = "21500.5", ["closedate"] = "2026-04-15T00:00:00.000Z", ["hs_next_step"] = "Legal review",
            ["hs_forecast_probability"] = "0.75", ["hs_manual_forecast_category"] = "BEST_CASE",
        }, sent);
        Assert.Equal(("decisionmakerboughtin", "21500.5"), (deal["dealstage"], deal["amount"]));
    }

    [Fact]
    public async Task A_deal_hubspot_changed_since_the_last_sync_is_a_conflict_with_hubspots_values_and_no_patch()
    {
        await using var world = await HubspotWorld.StartAsync(DbProvider.Sqlite);
        var deal = FakeHubspotSample.Seed(world.Fake).Deals[3];
        var synced = deal.ModifiedAt.UtcDateTime;
        world.Fake.Change(deal, new Dictionary<string, string?> { ["amount"] = "30000", ["hs_next_step"] = "Call the CFO" });

        var result = await world.Writer.WriteDealAsync(new CrmDealWrite(deal.Id, new Dictionary<string, string?> { ["amount"] = "21000" }, synced), Ct);

        Assert.Equal(CrmWriteStatus.Conflict, result.Status);
        Assert.Equal(("30000", "Call the CFO", "Contract Sent", "open"), (result.Current!["amount"], result.Current["next_step"], result.Current["stage"], result.Current["status"]));
        Assert.Equal(deal.ModifiedAt.UtcDateTime, result.ModifiedAt);
        Assert.Empty(world.Fake.Calls("PATCH", "/crm/v3/objects/deals/"));
    }

    [Fact]
    public async Task A_write_hubspot_already_holds_counts_as_written_so_a_retried_write_is_not_a_conflict()
    {
        await using var world = await HubspotWorld.StartAsync(DbProvider.Sqlite);
        var deal = FakeHubspotSample.Seed(world.Fake).Deals[3];
        var write = new CrmDealWrite(deal.Id, new Dictionary<string, string?> { ["amount"] = "21000" }, deal.ModifiedAt.UtcDateTime);
        Assert.Equal(CrmWriteStatus.Written, (await world.Writer.WriteDealAsync(write, Ct)).Status);

        var again = await world.Writer.WriteDealAsync(write, Ct);

        Assert.Equal(CrmWriteStatus.Written, again.Status);
        Assert.Single(world.Fake.Calls("PATCH", "/crm/v3/objects/deals/"));
    }

    [Fact]
    public async Task Fields_hubspot_refuses_come_back_as_field_errors_by_canonical_name_in_hubspots_words()
    {
        await using var world = await HubspotWorld.StartAsync(DbProvider.Sqlite);
        var deal = FakeHubspotSample.Seed(world.Fake).Deals[3];
        world.Fake.Rules = (_, properties) => properties.TryGetValue("dealstage", out var s) && s == "closedlost" && !properties.ContainsKey("closed_lost_reason")
            ? [("closed_lost_reason", "Closed lost reason is required to move this deal to Closed Lost.")]
            : [];

        var result = await world.Writer.WriteDealAsync(new CrmDealWrite(deal.Id, new Dictionary<string, string?> { ["status"] = "lost", ["amount"] = "abc" }, deal.ModifiedAt.UtcDateTime), Ct);

        Assert.Equal(CrmWriteStatus.Refused, result.Status);
        Assert.Equal(["amount", "loss_reason"], result.FieldErrors!.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("Closed lost reason is required to move this deal to Closed Lost.", result.FieldErrors["loss_reason"]);
        Assert.Contains("abc", result.FieldErrors["amount"], StringComparison.Ordinal);
        Assert.Equal("contractsent", deal["dealstage"]);
    }

    [Fact]
    public async Task A_stage_the_pipeline_does_not_have_is_refused_before_anything_is_sent()
    {
        await using var world = await HubspotWorld.StartAsync(DbProvider.Sqlite);
        var deal = FakeHubspotSample.Seed(world.Fake).Deals[3];

        var result = await world.Writer.WriteDealAsync(new CrmDealWrite(deal.Id, new Dictionary<string, string?> { ["stage"] = "Negotiation" }, deal.ModifiedAt.UtcDateTime), Ct);

        Assert.Equal(CrmWriteStatus.Refused, result.Status);
        Assert.Contains("Negotiation", result.FieldErrors!["stage"], StringComparison.Ordinal);
        Assert.Empty(world.Fake.Calls("PATCH", "/crm/v3/objects/deals/"));
    }

    [Fact]
    public async Task A_deleted_deal_is_gone_and_a_failing_hubspot_is_retried_later()
    {
        await using var world = await HubspotWorld.StartAsync(DbProvider.Sqlite);
        var sample = FakeHubspotSample.Seed(world.Fake);
        world.Fake.Archive(sample.Deals[2]);
        var gone = await world.Writer.WriteDealAsync(new CrmDealWrite(sample.Deals[2].Id, new Dictionary<string, string?> { ["amount"] = "1" }, sample.Deals[2].ModifiedAt.UtcDateTime), Ct);
        Assert.Equal(CrmWriteStatus.Gone, gone.Status);

        world.Fake.Fail(r => r.Method == "PATCH", 6, 503);
        var deal = sample.Deals[3];
        var retry = await world.Writer.WriteDealAsync(new CrmDealWrite(deal.Id, new Dictionary<string, string?> { ["amount"] = "1" }, deal.ModifiedAt.UtcDateTime), Ct);

        Assert.Equal(CrmWriteStatus.Retry, retry.Status);
        Assert.Contains("503", retry.Error, StringComparison.Ordinal);
        Assert.Equal("20000", deal["amount"]);
    }

    [Fact]
    public async Task An_activity_becomes_a_note_associated_with_the_deal()
    {
        await using var world = await HubspotWorld.StartAsync(DbProvider.Sqlite);
        var sample = FakeHubspotSample.Seed(world.Fake);
        var deal = sample.Deals[3];
        var activity = new CrmActivity("call", "Spoke to <Wile> about terms", new DateTime(2026, 2, 14, 16, 30, 0, DateTimeKind.Utc), sample.Ana.Email);

        var result = await world.Writer.WriteDealAsync(new CrmDealWrite(deal.Id, new Dictionary<string, string?>(), deal.ModifiedAt.UtcDateTime, activity), Ct);

        Assert.Equal(CrmWriteStatus.Written, result.Status);
        var note = Assert.Single(world.Fake.Store.All("notes"), n => n["hs_note_body"]!.StartsWith("call:", StringComparison.Ordinal));
        Assert.Equal(deal.Id, Assert.Single(note.Associations["deals"]));
        Assert.Equal(("call: Spoke to &lt;Wile&gt; about terms", "2026-02-14T16:30:00.000Z", sample.Ana.Id), (note["hs_note_body"], note["hs_timestamp"], note["hubspot_owner_id"]));
        Assert.Empty(world.Fake.Calls("PATCH", "/crm/v3/objects/deals/"));
    }
}
