using Microsoft.EntityFrameworkCore;
using RevBot.Core.Deals;
using RevBot.Core.Deals.WriteBack;
using RevBot.Core.Domain;
using RevBot.Core.Outbox;
using RevBot.Core.Sources;
using RevBot.Data.Storage;
using RevBot.Testing;
using RevBot.Testing.Deals;

namespace RevBot.IntegrationTests.Sources.WriteBack;

/// <summary>
/// A sync that runs while a change waits to be written to HubSpot keeps RevBot's values of the fields being written
/// (no flip-flop, no new version) and takes the rest of the record; once the write lands the next sync agrees; when
/// HubSpot then answers with a conflict, the undo puts HubSpot's values back and tells the person. A record read before
/// a write landed does not bring the old values back either.
/// </summary>
public sealed class WriteBackSyncTests
{
    private static readonly Dictionary<string, string?> SlowRetries = new()
    {
        // The real clock; the write waits an hour after a failed attempt until the test makes it due.
        ["Sources:WriteBack:FirstBackoff"] = "01:00:00", ["Sources:WriteBack:MaxBackoff"] = "01:00:00",
    };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task A_sync_before_the_write_lands_keeps_the_new_value_and_the_sync_after_it_flips_nothing(DbProvider provider)
    {
        await using var h = await StartAsync(provider);
        var rob = await h.World.UserIdAsync(DealWorld.Rob);
        var version = (await h.World.DealAsync(h.DealId)).Version;
        h.Hubspot.Fail(r => r.Method == "PATCH", 6, 500);

        // Fields HubSpot derives nothing from (a new stage would bring the stage's probability back with the next sync).
        var result = await h.World.RunAsync(WriteBackWorld.Update(h.DealId, rob, version, new DealFieldChanges { Amount = "60000", CloseDate = "2027-01-20" }));
        Assert.Equal((DealCommandStatus.Applied, CrmWriteOutcome.Pending), (result.Status, result.Crm));

        // HubSpot still has the old values; a full sync reads them and keeps RevBot's.
        await h.SyncAsync();
        var deal = await h.World.DealAsync(h.DealId);
        Assert.Equal((60_000m, new DateOnly(2027, 1, 20), version + 1), (deal.Amount, deal.CloseDate, deal.Version));
        Assert.Equal(("50000", "2026-12-15T00:00:00.000Z"), (h.InHubspot("amount"), h.InHubspot("closedate")));
        Assert.False(await h.World.WithDbAsync(db => db.AuditLog.AnyAsync(a => a.EntityId == h.DealId && a.Channel == ChangeChannel.Sync, Ct)));

        await DueNowAsync(h);
        await h.World.DrainAsync();
        Assert.Equal(("60000", "2027-01-20T00:00:00.000Z"), (h.InHubspot("amount"), h.InHubspot("closedate")));
        Assert.Equal("written", Assert.Single(await h.World.WritesAsync()).Outcome);

        await h.SyncAsync();
        deal = await h.World.DealAsync(h.DealId);
        Assert.Equal((60_000m, new DateOnly(2027, 1, 20), version + 1), (deal.Amount, deal.CloseDate, deal.Version));
        Assert.Equal(h.Record.ModifiedAt.UtcDateTime, deal.SourceModifiedAt!.Value, TimeSpan.FromMilliseconds(1));
        Assert.Equal(7, h.Patches.Count);
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task A_sync_while_a_write_waits_takes_the_rest_of_the_record_and_a_conflict_then_restores_hubspots_values(DbProvider provider)
    {
        await using var h = await StartAsync(provider);
        var rob = await h.World.UserIdAsync(DealWorld.Rob);
        var version = (await h.World.DealAsync(h.DealId)).Version;
        h.Hubspot.Fail(r => r.Method == "PATCH", 6, 500);
        var result = await h.World.RunAsync(WriteBackWorld.Update(h.DealId, rob, version, new DealFieldChanges { Amount = "60000" }, language: "es"));
        Assert.Equal(CrmWriteOutcome.Pending, result.Crm);

        // Someone renames the deal in HubSpot meanwhile: the incremental sync takes the name and keeps the amount.
        h.ChangeInHubspot("dealname", "Acme Corporation - renamed in HubSpot");
        await h.SyncAsync(full: false);
        var deal = await h.World.DealAsync(h.DealId);
        Assert.Equal(("Acme Corporation - renamed in HubSpot", 60_000m), (deal.Name, deal.Amount));

        // The write then meets HubSpot's newer record: a conflict, undone to HubSpot's values and told to Rob.
        await DueNowAsync(h);
        await h.World.DrainAsync();
        Assert.Equal("conflict", Assert.Single(await h.World.WritesAsync()).Outcome);
        Assert.Equal("50000", h.InHubspot("amount"));
        deal = await h.World.DealAsync(h.DealId);
        Assert.Equal(50_000m, deal.Amount);
        var told = Assert.Single(await h.World.WithDbAsync(db => db.Outbox.AsNoTracking().ToListAsync(Ct)));
        Assert.Equal((CrmWriteNotice.OutboxKind, rob), (told.Kind, told.RecipientUserId));
        Assert.Contains("HubSpot", ReplyJson.Deserialize(told.Payload).Notice, StringComparison.Ordinal);

        // And the next sync agrees with what RevBot now holds.
        await h.SyncAsync();
        var after = await h.World.DealAsync(h.DealId);
        Assert.Equal((50_000m, deal.Version), (after.Amount, after.Version));
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task A_record_read_before_a_write_landed_does_not_bring_the_old_values_back(DbProvider provider)
    {
        await using var h = await StartAsync(provider);
        // As RevBot holds it once a write landed that the sync's page was read before: the CRM's newer time, the new amount.
        var landed = h.Record.ModifiedAt.UtcDateTime.AddMinutes(5);
        await h.World.WithDbAsync(db => db.Deals.Where(d => d.Id == h.DealId)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Amount, 70_000m).SetProperty(d => d.SourceModifiedAt, landed), Ct));
        var version = (await h.World.DealAsync(h.DealId)).Version;

        await h.SyncAsync();

        var deal = await h.World.DealAsync(h.DealId);
        Assert.Equal((70_000m, version), (deal.Amount, deal.Version));
        Assert.Equal(landed, deal.SourceModifiedAt!.Value, TimeSpan.FromMilliseconds(1));
    }

    /// <summary>The fake HubSpot with Rob as the deal's owner, and a first full sync: RevBot holds the deal as HubSpot has it.</summary>
    private static async Task<HubspotWriteBack> StartAsync(DbProvider provider)
    {
        var h = await HubspotWriteBack.StartAsync(provider, TimeProvider.System, SlowRetries, quickRetries: true);
        var owner = h.Hubspot.AddOwner(DealWorld.Rob, "Rob", "Rep");
        h.ChangeInHubspot("hubspot_owner_id", owner.Id);
        await h.SyncAsync();
        Assert.Equal(h.Record.ModifiedAt.UtcDateTime, (await h.World.DealAsync(h.DealId)).SourceModifiedAt!.Value, TimeSpan.FromMilliseconds(1));
        return h;
    }

    private static Task<int> DueNowAsync(HubspotWriteBack h) =>
        h.World.WithDbAsync(db => db.CrmWrites.Where(w => w.DoneAt == null && w.FailedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(w => w.AvailableAt, DateTime.UtcNow.AddSeconds(-1)), Ct));
}
