using RevBot.Core.Alerts;
using RevBot.Core.Alerts.Delivery;
using RevBot.Data.Storage;

namespace RevBot.Tests.Alerts.Delivery;

/// <summary>Several host instances against one PostgreSQL: scans started together record and enqueue each alert once.</summary>
public sealed class AlertScanConcurrencyTests
{
    [Fact]
    public async Task Two_scans_started_at_the_same_time_record_and_enqueue_each_alert_once()
    {
        await using var company = await DeliveryCompany.CreateAsync(DbProvider.Postgres, AlertDeliveryTests.OneRule);
        await company.SubscribeAsync("CALL", "stalled_deal");
        var ct = TestContext.Current.CancellationToken;

        for (var round = 0; round < 3; round++)
        {
            using var start = new Barrier(4);
            var scans = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
            {
                start.SignalAndWait(ct);
                return company.UseAsync<AlertDelivery, AlertDeliveryResult>(d => d.RunAsync(new AlertScanRequest(), TimeSpan.FromMinutes(50), ct));
            }, ct)).ToList();
            var results = await Task.WhenAll(scans);
            // One scan per round does the work: the others find the lock taken, or the scan just recorded.
            Assert.Equal(1, results.Count(r => !r.Skipped));
            company.Time.Advance(TimeSpan.FromHours(1));
        }

        var alerts = await company.AlertsAsync();
        Assert.Equal(2, alerts.Count);
        var outbox = await company.OutboxAsync();
        Assert.Equal(1, outbox.Count(m => m.RecipientUserId == company.AliceId));
        // The channel's first delivery is one summary of both deals, written once.
        Assert.Equal(1, outbox.Count(m => m.ChannelId == "CALL"));
        Assert.Equal(3, await company.DbAsync(db => Task.FromResult(db.AlertScanRuns.Count())));
    }
}
