using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using RevBot.Core.Alerts;
using RevBot.Core.Domain;
using RevBot.Data.Csv;
using RevBot.Data.Storage;
using RevBot.Sources.Sync;

namespace RevBot.Tests.Alerts.Delivery;

/// <summary>
/// A deal its CRM deleted (a sync's deletion) stops being alerted on: the next scan finds nothing about it, resolves its
/// open alert, and a snoozed one does not come back when the snooze ends; nothing more is delivered about it.
/// </summary>
public sealed class AlertDeletedDealTests
{
    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task A_deal_deleted_by_a_sync_resolves_its_open_alert_and_is_not_alerted_again(DbProvider provider)
    {
        await using var company = await DeliveryCompany.CreateAsync(provider, AlertDeliveryTests.OneRule);
        await company.ScanAsync();
        var sent = (await company.OutboxAsync()).Count;

        var run = await SyncDeletesAsync(company, "emea-big");
        company.Time.Advance(TimeSpan.FromHours(1));
        var next = await company.ScanAsync();
        company.Time.Advance(TimeSpan.FromDays(15));
        var later = await company.ScanAsync();

        Assert.Equal(1, run.Deleted);
        Assert.False(await company.DbAsync(db => db.Deals.AnyAsync(d => d.Id == "emea-big")));
        Assert.Equal((1, 0, 1, 0), (next.Found, next.NewAlerts, next.Resolved, next.Messages));
        Assert.Equal((1, 0, 0), (later.Found, later.NewAlerts, later.Messages));
        var alert = Assert.Single(await company.AlertsAsync(), a => a.SubjectId == "emea-big");
        Assert.Equal(AlertState.Resolved, alert.State);
        Assert.Equal(sent, (await company.OutboxAsync()).Count);
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task A_snoozed_alert_on_a_deleted_deal_is_resolved_instead_of_delivered_again_when_the_snooze_ends(DbProvider provider)
    {
        await using var company = await DeliveryCompany.CreateAsync(provider, AlertDeliveryTests.OneRule);
        await company.ScanAsync();
        var until = company.Time.GetUtcNow().UtcDateTime.AddDays(7);
        await company.DbAsync(db => db.Alerts.Where(a => a.SubjectId == "emea-big")
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.State, AlertState.Snoozed).SetProperty(a => a.SnoozedUntil, until)));
        var sent = (await company.OutboxAsync()).Count;

        await SyncDeletesAsync(company, "emea-big");
        company.Time.Advance(TimeSpan.FromDays(8));
        var scan = await company.ScanAsync();

        Assert.Equal((1, 0, 0), (scan.Found, scan.NewAlerts, scan.Messages));
        var alert = Assert.Single(await company.AlertsAsync(), a => a.SubjectId == "emea-big");
        Assert.Equal(AlertState.Resolved, alert.State);
        Assert.Equal(sent, (await company.OutboxAsync()).Count);
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task A_direct_message_held_through_quiet_hours_is_taken_back_once_every_deal_it_names_is_deleted(DbProvider provider)
    {
        // 21:00 UTC is 23:00 in Madrid, inside Alice's quiet hours: her message about both deals waits for the morning.
        await using var company = await DeliveryCompany.CreateAsync(provider, AlertDeliveryTests.OneRule, new DateTimeOffset(2026, 6, 16, 21, 0, 0, TimeSpan.Zero));
        await company.ScanAsync();
        var held = Assert.Single(await company.OutboxAsync(), m => m.RecipientUserId == company.AliceId);
        Assert.True(held.AvailableAt > company.Time.GetUtcNow().UtcDateTime);

        await SyncDeletesAsync(company, "emea-big");
        company.Time.Advance(TimeSpan.FromHours(1));
        var one = await company.ScanAsync();
        var kept = Assert.Single(await company.OutboxAsync(), m => m.RecipientUserId == company.AliceId);

        await SyncDeletesAsync(company, "na-small");
        company.Time.Advance(TimeSpan.FromHours(1));
        var both = await company.ScanAsync();

        // One deal gone: the message still names a live one and stays as written; both gone: it is taken back.
        Assert.Equal((1, 1), (one.Resolved, both.Resolved));
        Assert.Equal(held.Id, kept.Id);
        Assert.DoesNotContain(await company.OutboxAsync(), m => m.RecipientUserId == company.AliceId);
    }

    /// <summary>An incremental sync whose one batch says the CRM deleted the deal, through the real runner and importer.</summary>
    private static Task<Core.Sources.SyncRun> SyncDeletesAsync(DeliveryCompany company, string dealId) => company.DbAsync(async db =>
    {
        var runner = new SyncRunner(company.Time, NullLogger<SyncRunner>.Instance);
        var outcome = await runner.RunAsync(db, new DeletingConnector(dealId), new SyncRequest(), TestContext.Current.CancellationToken);
        Assert.True(outcome.Succeeded, outcome.Run?.Error);
        return outcome.Run!;
    });

    private sealed class DeletingConnector(string dealId) : ISourceConnector
    {
        public SourceSystem System => SourceSystem.Hubspot;

        public async IAsyncEnumerable<SyncBatch> ReadAsync(IReadOnlyDictionary<string, string> cursors, [EnumeratorCancellation] CancellationToken ct)
        {
            await Task.CompletedTask;
            yield return new SyncBatch("deals", new CanonicalRows("hubspot deals").Delete("deals.csv", dealId), "1", 1, []);
        }
    }
}
