using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using RevBot.Core.Deals;
using RevBot.Core.Deals.WriteBack;
using RevBot.Core.Domain;
using RevBot.Core.Outbox;
using RevBot.Core.Sources;
using RevBot.Data.Storage;
using RevBot.IntegrationTests.Slack;
using RevBot.Testing;
using RevBot.Testing.Deals;

namespace RevBot.IntegrationTests.Sources.WriteBack;

/// <summary>
/// A change to a synced deal reaches HubSpot (the fake, over HTTP) through the inline first attempt and the dispatcher:
/// written once; a change made in HubSpot meanwhile, a refused field and a deleted deal are undone locally and told;
/// a rate-limited or failing HubSpot is retried until it takes the write, exactly once.
/// </summary>
public sealed class WriteBackHubspotTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task A_change_is_written_to_hubspot_at_once_with_one_patch_and_the_deal_keeps_its_version(DbProvider provider)
    {
        var time = new FakeTimeProvider(DealWorld.Now);
        await using var h = await HubspotWriteBack.StartAsync(provider, time);
        var rob = await h.World.UserIdAsync(DealWorld.Rob);

        var result = await h.World.RunAsync(WriteBackWorld.Update(h.DealId, rob, 1, new DealFieldChanges { Amount = "60000", Stage = "Negotiation", CloseDate = "2027-01-20" }));

        Assert.True(result.Crm == CrmWriteOutcome.Written, $"{result.Crm}: {(await h.World.WritesAsync()).Single().LastError}");
        Assert.Equal(DealCommandStatus.Applied, result.Status);
        Assert.Null(result.Note);
        var patch = Assert.Single(h.Patches);
        Assert.Equal($"/crm/v3/objects/deals/{h.Record.Id}", patch.PathOnly);
        var properties = JsonNode.Parse(patch.Body)!["properties"]!.AsObject();
        Assert.Equal(["amount", "closedate", "dealstage"], properties.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal(("60000", "negotiation", "2027-01-20T00:00:00.000Z"), (properties["amount"]!.GetValue<string>(), properties["dealstage"]!.GetValue<string>(), properties["closedate"]!.GetValue<string>()));
        var write = Assert.Single(await h.World.WritesAsync());
        Assert.Equal(("written", 1), (write.Outcome, write.Attempts));
        Assert.NotNull(write.DoneAt);
        var deal = await h.World.DealAsync(h.DealId);
        Assert.Equal((60_000m, "Negotiation", 2), (deal.Amount, deal.Stage, deal.Version));
        Assert.Equal(h.Record.ModifiedAt.UtcDateTime, deal.SourceModifiedAt!.Value, TimeSpan.FromMilliseconds(1));
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task A_change_made_in_hubspot_meanwhile_is_not_overwritten_and_the_person_sees_hubspots_values(DbProvider provider)
    {
        var time = new FakeTimeProvider(DealWorld.Now);
        await using var h = await HubspotWriteBack.StartAsync(provider, time);
        var rob = await h.World.UserIdAsync(DealWorld.Rob);
        h.ChangeInHubspot("amount", "55555");

        var result = await h.World.RunAsync(WriteBackWorld.Update(h.DealId, rob, 1, new DealFieldChanges { Amount = "60000" }, language: "es"));

        Assert.Equal((DealCommandStatus.Stale, CrmWriteOutcome.Conflict), (result.Status, result.Crm));
        Assert.Contains("HubSpot", result.Message, StringComparison.Ordinal);
        Assert.Contains("mientras tanto", result.Message, StringComparison.Ordinal);
        Assert.Empty(h.Patches);
        Assert.Equal("55555", h.InHubspot("amount"));
        var deal = await h.World.DealAsync(h.DealId);
        Assert.Equal((55_555m, 3), (deal.Amount, deal.Version));
        Assert.Equal(3, result.Version);
        var write = Assert.Single(await h.World.WritesAsync());
        Assert.Equal("conflict", write.Outcome);
        Assert.NotNull(write.FailedAt);
        Assert.Equal("55555", JsonNode.Parse(write.Answer!)!["amount"]!.GetValue<string>());
        var audit = await h.World.WithDbAsync(db => db.AuditLog.AsNoTracking().Where(a => a.EntityId == h.DealId).OrderBy(a => a.Id).ToListAsync(Ct));
        Assert.Equal(["deal.update", "crm.conflict"], audit.Select(a => a.Action == "update" ? "deal.update" : a.Action));
        Assert.Equal(ChangeChannel.Sync, audit[^1].Channel);
        // Told inline, so no direct message as well.
        Assert.False(await h.World.WithDbAsync(db => db.Outbox.AnyAsync(Ct)));
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task A_field_hubspot_refuses_comes_back_as_its_error_and_the_change_is_not_kept(DbProvider provider)
    {
        var time = new FakeTimeProvider(DealWorld.Now);
        await using var h = await HubspotWriteBack.StartAsync(provider, time);
        h.Hubspot.Rules = (_, properties) => properties.TryGetValue("amount", out var a) && decimal.Parse(a!, System.Globalization.CultureInfo.InvariantCulture) > 100_000m
            ? [("amount", "Deals over 100,000 need a director's approval.")]
            : [];
        var rob = await h.World.UserIdAsync(DealWorld.Rob);

        var result = await h.World.RunAsync(WriteBackWorld.Update(h.DealId, rob, 1, new DealFieldChanges { Amount = "250000", NextStep = "Send the contract" }));

        Assert.Equal((DealCommandStatus.Invalid, CrmWriteOutcome.Refused), (result.Status, result.Crm));
        Assert.Contains("director's approval", result.Errors[DealFields.Amount], StringComparison.Ordinal);
        Assert.Contains("HubSpot refused", result.Message, StringComparison.Ordinal);
        Assert.Equal("50000", h.InHubspot("amount"));
        var deal = await h.World.DealAsync(h.DealId);
        Assert.Equal((50_000m, null, 3), (deal.Amount, deal.NextStep, deal.Version));
        var write = Assert.Single(await h.World.WritesAsync());
        Assert.Equal("refused", write.Outcome);
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task A_deal_deleted_in_hubspot_is_gone_and_the_change_is_not_kept(DbProvider provider)
    {
        var time = new FakeTimeProvider(DealWorld.Now);
        await using var h = await HubspotWriteBack.StartAsync(provider, time);
        lock (h.Hubspot.Store.Gate) h.Hubspot.Store.Archive(h.Record);
        var rob = await h.World.UserIdAsync(DealWorld.Rob);

        var result = await h.World.RunAsync(WriteBackWorld.Update(h.DealId, rob, 1, new DealFieldChanges { Amount = "60000" }));

        Assert.Equal((DealCommandStatus.NotFound, CrmWriteOutcome.Gone), (result.Status, result.Crm));
        Assert.Contains("deleted in HubSpot", result.Message, StringComparison.Ordinal);
        Assert.Equal((50_000m, 3), ((await h.World.DealAsync(h.DealId)).Amount, (await h.World.DealAsync(h.DealId)).Version));
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task A_failing_hubspot_gets_each_change_later_exactly_once_in_order_and_a_later_conflict_is_told_in_a_direct_message(DbProvider provider)
    {
        // The real clock, with the HTTP pipeline's retries and the write-back backoff in milliseconds.
        var settings = new Dictionary<string, string?> { ["Sources:WriteBack:FirstBackoff"] = "00:00:00.1", ["Sources:WriteBack:MaxBackoff"] = "00:00:00.3" };
        await using var h = await HubspotWriteBack.StartAsync(provider, TimeProvider.System, settings, quickRetries: true);
        var rob = await h.World.UserIdAsync(DealWorld.Rob);
        // Every PATCH of the first two attempts fails, the HTTP pipeline's own five retries included: 6 calls each.
        h.Hubspot.Fail(r => r.Method == "PATCH", 12, 500);

        var first = await h.World.RunAsync(WriteBackWorld.Update(h.DealId, rob, 1, new DealFieldChanges { Amount = "60000" }, language: "es"));
        var second = await h.World.RunAsync(WriteBackWorld.Update(h.DealId, rob, 2, new DealFieldChanges { Stage = "Negotiation" }));

        Assert.Equal((DealCommandStatus.Applied, CrmWriteOutcome.Pending), (first.Status, first.Crm));
        Assert.Contains("en cuanto HubSpot responda", first.Note, StringComparison.Ordinal);
        // The second waits behind the first: not tried inline at all.
        Assert.Equal(CrmWriteOutcome.Pending, second.Crm);
        var writes = await h.World.WritesAsync();
        Assert.Equal([1, 0], writes.Select(w => w.Attempts));
        Assert.Contains("500", writes[0].LastError, StringComparison.Ordinal);

        await h.World.DrainAsync();

        // 12 failed calls, then one PATCH per change: the second made on top of the first, with no conflict with it.
        Assert.Equal(14, h.Patches.Count);
        Assert.Equal(("60000", "negotiation"), (h.InHubspot("amount"), h.InHubspot("dealstage")));
        writes = await h.World.WritesAsync();
        Assert.All(writes, w => Assert.Equal("written", w.Outcome));
        Assert.True(writes[0].DoneAt <= writes[1].DoneAt);
        var deal = await h.World.DealAsync(h.DealId);
        Assert.Equal((60_000m, "Negotiation", 3), (deal.Amount, deal.Stage, deal.Version));
        Assert.False(await h.World.WithDbAsync(db => db.Outbox.AnyAsync(Ct)));

        // HubSpot fails again, and someone changes the deal there before it recovers: the background attempt finds the
        // conflict, restores HubSpot's values and tells Rob in a direct message, in the language he wrote in.
        h.Hubspot.Fail(r => r.Method == "GET" && r.PathOnly.StartsWith("/crm/v3/objects/deals/", StringComparison.Ordinal), 6, 503);
        var third = await h.World.RunAsync(WriteBackWorld.Update(h.DealId, rob, 3, new DealFieldChanges { Amount = "65000" }, language: "es"));
        Assert.Equal(CrmWriteOutcome.Pending, third.Crm);
        h.ChangeInHubspot("amount", "58000");
        await h.World.DrainAsync();

        Assert.Equal(14, h.Patches.Count);
        Assert.Equal("conflict", (await h.World.WritesAsync())[^1].Outcome);
        deal = await h.World.DealAsync(h.DealId);
        Assert.Equal((58_000m, 5), (deal.Amount, deal.Version));
        var message = Assert.Single(await h.World.WithDbAsync(db => db.Outbox.AsNoTracking().ToListAsync(Ct)));
        Assert.Equal((ChatPlatform.Slack, rob, "crm.write"), (message.Platform, message.RecipientUserId, message.Kind));
        var reply = ReplyJson.Deserialize(message.Payload);
        Assert.Equal("es", reply.Language);
        Assert.Contains("HubSpot", reply.Notice, StringComparison.Ordinal);
        Assert.Contains(reply.Facts, f => f.Value.Contains("58.000", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_rate_limited_hubspot_is_waited_for_as_it_asks_and_then_written_once()
    {
        var time = new FakeTimeProvider(DealWorld.Now);
        await using var h = await HubspotWriteBack.StartAsync(DbProvider.Sqlite, time);
        var rob = await h.World.UserIdAsync(DealWorld.Rob);
        // More 429s than the HTTP pipeline retries, each asking for 60 s: the write waits at least that long.
        h.Hubspot.Fail(r => r.Method == "PATCH", 6, 429, retryAfterSeconds: 60);

        var result = await FakeClock.RunAsync(time, h.World.RunAsync(WriteBackWorld.Update(h.DealId, rob, 1, new DealFieldChanges { Amount = "60000" })));

        Assert.Equal(CrmWriteOutcome.Pending, result.Crm);
        var write = Assert.Single(await h.World.WritesAsync());
        Assert.Null(write.DoneAt);
        Assert.True(write.AvailableAt >= time.GetUtcNow().UtcDateTime.AddSeconds(59), $"due at {write.AvailableAt:O}, now {time.GetUtcNow():O}");
        await h.World.DrainAsync(time);
        Assert.Equal(7, h.Patches.Count);
        Assert.Equal("60000", h.InHubspot("amount"));
        Assert.Equal("written", (await h.World.WritesAsync())[0].Outcome);
    }
}
