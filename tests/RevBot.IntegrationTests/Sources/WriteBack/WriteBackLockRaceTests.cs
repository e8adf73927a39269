using Microsoft.EntityFrameworkCore;
using RevBot.Core.Deals;
using RevBot.Core.Deals.WriteBack;
using RevBot.Core.Domain;
using RevBot.Core.Sources;
using RevBot.Data.Storage;
using RevBot.Testing;
using RevBot.Testing.Deals;

namespace RevBot.IntegrationTests.Sources.WriteBack;

/// <summary>
/// The PostgreSQL lock race between a sync's import and a write landing (or a chat change), forced rather than hoped
/// for: the test's own transaction holds the deal's row, the sync (which read HubSpot's record before the write landed)
/// and the other side queue behind it in a chosen order, seen waiting in <c>pg_stat_activity</c>, and the test lets
/// go. Whatever the order: RevBot's value survives the stale record (no flip-flop), the write lands exactly once, no
/// change is lost and neither side meets a deadlock (see <c>CrmSyncHold</c>).
/// </summary>
public sealed class WriteBackLockRaceTests
{
    private static readonly Dictionary<string, string?> SlowRetries = new()
    {
        // The real clock; a write whose attempt failed waits an hour, until the test makes it due.
        ["Sources:WriteBack:FirstBackoff"] = "01:00:00", ["Sources:WriteBack:MaxBackoff"] = "01:00:00",
    };

    // One attempt is six requests (the HTTP pipeline's five retries): failing six keeps the inline attempt from landing.
    private const int OneAttempt = 6;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_sync_queued_before_a_write_landing_keeps_the_new_value_and_the_write_lands_once()
    {
        await using var h = await StartAsync();
        var version = await PendingChangeAsync(h);
        await using var row = await DealRowLock.TakeAsync(h.Database, h.DealId);

        var held = new HeldSync();
        var syncing = h.SyncAsync(through: held.Over);
        await held.Read.Task.WaitAsync(Wait.Patience, Ct); // HubSpot's record as it is before the write: the old amount.
        held.Go.SetResult();
        Assert.Contains("FOR UPDATE", Assert.Single(await row.QueuedAsync(1, syncing)), StringComparison.Ordinal);
        var landing = h.World.Dispatcher.RunOnceAsync(Ct);
        await row.QueuedAsync(2, syncing, landing);
        Assert.Equal("60000", h.InHubspot("amount"));

        await row.ReleaseAsync();
        await syncing;
        await landing;

        await AssertLandedOnceAsync(h, version);
    }

    [Fact]
    public async Task A_write_landing_queued_before_a_sync_that_read_the_record_earlier_is_not_flipped_back()
    {
        await using var h = await StartAsync();
        var version = await PendingChangeAsync(h);
        await using var row = await DealRowLock.TakeAsync(h.Database, h.DealId);

        var held = new HeldSync();
        var syncing = h.SyncAsync(through: held.Over);
        await held.Read.Task.WaitAsync(Wait.Patience, Ct); // Read before the write lands; imported after it.
        var landing = h.World.Dispatcher.RunOnceAsync(Ct);
        await row.QueuedAsync(1, syncing, landing);
        Assert.Equal("60000", h.InHubspot("amount"));
        held.Go.SetResult();
        var waiting = await row.QueuedAsync(2, syncing, landing);
        Assert.Contains("FOR UPDATE", waiting[1], StringComparison.Ordinal);

        await row.ReleaseAsync();
        await landing;
        await syncing;

        await AssertLandedOnceAsync(h, version);
    }

    [Fact]
    public async Task A_chat_change_queued_behind_a_sync_is_not_lost_and_is_written_once()
    {
        await using var h = await StartAsync();
        var (rob, version) = (await h.World.UserIdAsync(DealWorld.Rob), (await h.World.DealAsync(h.DealId)).Version);
        h.Hubspot.Fail(r => r.Method == "PATCH", OneAttempt, 500);
        await using var row = await DealRowLock.TakeAsync(h.Database, h.DealId);

        var held = new HeldSync();
        var syncing = h.SyncAsync(through: held.Over);
        await held.Read.Task.WaitAsync(Wait.Patience, Ct);
        held.Go.SetResult();
        await row.QueuedAsync(1, syncing);
        var changing = h.World.RunAsync(WriteBackWorld.Update(h.DealId, rob, version, Change));
        await row.QueuedAsync(2, syncing, changing);

        await row.ReleaseAsync();
        await syncing;
        var result = await changing;

        Assert.Equal((DealCommandStatus.Applied, CrmWriteOutcome.Pending), (result.Status, result.Crm));
        await AssertWrittenOnceAfterwardsAsync(h, version);
    }

    [Fact]
    public async Task A_sync_queued_behind_a_chat_change_keeps_the_change_while_its_write_waits()
    {
        await using var h = await StartAsync();
        var (rob, version) = (await h.World.UserIdAsync(DealWorld.Rob), (await h.World.DealAsync(h.DealId)).Version);
        h.Hubspot.Fail(r => r.Method == "PATCH", OneAttempt, 500);
        await using var row = await DealRowLock.TakeAsync(h.Database, h.DealId);

        var changing = h.World.RunAsync(WriteBackWorld.Update(h.DealId, rob, version, Change));
        await row.QueuedAsync(1, changing);
        var held = new HeldSync();
        var syncing = h.SyncAsync(through: held.Over);
        await held.Read.Task.WaitAsync(Wait.Patience, Ct); // HubSpot still has the old amount.
        held.Go.SetResult();
        // The chat change's update first, then the sync's hold behind it (CI once saw a third session's INSERT INTO
        // sync_runs waiting for a moment as the second of two: only the statements on the deals count).
        var waiting = await row.QueuedOnDealsAsync(w => w.Count == 2, changing, syncing);
        Assert.Contains("FOR UPDATE", waiting[1], StringComparison.Ordinal);

        await row.ReleaseAsync();
        var result = await changing;
        await syncing;

        Assert.Equal((DealCommandStatus.Applied, CrmWriteOutcome.Pending), (result.Status, result.Crm));
        await AssertWrittenOnceAfterwardsAsync(h, version);
    }

    // Fields HubSpot derives nothing from (a new stage would bring the stage's probability back with the next sync).
    private static readonly DealFieldChanges Change = new() { Amount = "60000", CloseDate = "2027-01-20" };

    /// <summary>Rob's change, its inline attempt failed: a write waits, due now. Returns the deal's version before it.</summary>
    private static async Task<int> PendingChangeAsync(HubspotWriteBack h)
    {
        var rob = await h.World.UserIdAsync(DealWorld.Rob);
        var version = (await h.World.DealAsync(h.DealId)).Version;
        h.Hubspot.Fail(r => r.Method == "PATCH", OneAttempt, 500);
        var result = await h.World.RunAsync(WriteBackWorld.Update(h.DealId, rob, version, Change));
        Assert.Equal((DealCommandStatus.Applied, CrmWriteOutcome.Pending), (result.Status, result.Crm));
        Assert.Equal("50000", h.InHubspot("amount"));
        await DueNowAsync(h);
        return version;
    }

    /// <summary>The write landed once, RevBot kept its values and took HubSpot's new time, and the next sync changes nothing.</summary>
    private static async Task AssertLandedOnceAsync(HubspotWriteBack h, int version)
    {
        Assert.Equal("written", Assert.Single(await h.World.WritesAsync()).Outcome);
        Assert.Equal(OneAttempt + 1, h.Patches.Count);
        await AssertKeptAsync(h, version);
        Assert.Equal(ModifiedInHubspot(h), (await h.World.DealAsync(h.DealId)).SourceModifiedAt!.Value, TimeSpan.FromMilliseconds(1));

        await h.SyncAsync();
        await AssertKeptAsync(h, version);
        Assert.Equal(OneAttempt + 1, h.Patches.Count);
    }

    /// <summary>The change held through the sync with its write still waiting; then it lands once and the next sync agrees.</summary>
    private static async Task AssertWrittenOnceAfterwardsAsync(HubspotWriteBack h, int version)
    {
        Assert.Null(Assert.Single(await h.World.WritesAsync()).DoneAt);
        await AssertKeptAsync(h, version);

        await DueNowAsync(h);
        await h.World.DrainAsync();
        Assert.Equal("written", Assert.Single(await h.World.WritesAsync()).Outcome);
        Assert.Equal(("60000", "2027-01-20T00:00:00.000Z"), (h.InHubspot("amount"), h.InHubspot("closedate")));
        Assert.Equal(OneAttempt + 1, h.Patches.Count);

        await h.SyncAsync();
        await AssertKeptAsync(h, version);
    }

    /// <summary>RevBot's values, one version on from the change and none from any sync: nothing flipped back and forth.</summary>
    private static async Task AssertKeptAsync(HubspotWriteBack h, int version)
    {
        var deal = await h.World.DealAsync(h.DealId);
        Assert.Equal((60_000m, new DateOnly(2027, 1, 20), version + 1), (deal.Amount, deal.CloseDate, deal.Version));
        Assert.False(await h.World.WithDbAsync(db => db.AuditLog.AnyAsync(a => a.EntityId == h.DealId && a.Channel == ChangeChannel.Sync, Ct)));
    }

    private static DateTime ModifiedInHubspot(HubspotWriteBack h)
    {
        lock (h.Hubspot.Store.Gate) return h.Record.ModifiedAt.UtcDateTime;
    }

    /// <summary>The fake HubSpot with Rob as the deal's owner, and a first full sync: RevBot holds the deal as HubSpot has it.</summary>
    private static async Task<HubspotWriteBack> StartAsync()
    {
        var h = await HubspotWriteBack.StartAsync(DbProvider.Postgres, TimeProvider.System, SlowRetries, quickRetries: true);
        var owner = h.Hubspot.AddOwner(DealWorld.Rob, "Rob", "Rep");
        h.ChangeInHubspot("hubspot_owner_id", owner.Id);
        await h.SyncAsync();
        return h;
    }

    private static Task<int> DueNowAsync(HubspotWriteBack h) =>
        h.World.WithDbAsync(db => db.CrmWrites.Where(w => w.DoneAt == null && w.FailedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(w => w.AvailableAt, DateTime.UtcNow.AddSeconds(-1)), Ct));
}
