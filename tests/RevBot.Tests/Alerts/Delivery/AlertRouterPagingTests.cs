using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RevBot.Core.Alerts;
using RevBot.Core.Alerts.Delivery;
using RevBot.Core.Domain;
using RevBot.Core.Outbox;
using RevBot.Core.Replies;
using RevBot.Core.Storage;
using RevBot.Data.Storage;

namespace RevBot.Tests.Alerts.Delivery;

/// <summary>
/// The router reads the waiting alerts a page at a time and keeps per reader only what the message shows: the
/// messages must be the same whatever the page size, down to one alert per page.
/// </summary>
public sealed class AlertRouterPagingTests
{
    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Routing_page_by_page_writes_the_same_messages_as_one_page(DbProvider provider)
    {
        await using var company = await DeliveryCompany.CreateAsync(provider, AlertDeliveryTests.OneRule);
        // 16 stalled deals of Alice's (more than a message lists), two of them as big as each other; one channel
        // subscribed before the first scan, one after it (its first delivery is the summary of every open alert).
        for (var i = 0; i < 14; i++) await company.AddStalledDealAsync($"deal-{i:00}", i == 7 ? 50_000m : 1_000m * (i + 1));
        await company.AddStalledDealAsync("deal-tie", 50_000m);
        await company.SubscribeAsync("#all");
        await company.ScanAsync();
        company.Time.Advance(TimeSpan.FromMinutes(1));
        await company.SubscribeAsync("#emea", region: "EMEA", language: "es");
        // The 15 added waiting again: the channel subscribed before reads those, the new one every open alert (16 in EMEA).
        await company.DbAsync(db => db.Alerts.Where(a => a.SubjectId.StartsWith("deal-")).ExecuteUpdateAsync(s => s.SetProperty(a => a.NotifiedAt, (DateTime?)null)));

        var onePage = await RouteAsync(company, 1_000);
        var byOne = await RouteAsync(company, 1);
        var byThree = await RouteAsync(company, 3);

        Assert.Equal(3, onePage.Count);
        Assert.Equal(onePage, byOne);
        Assert.Equal(onePage, byThree);
        var alice = ReplyJson.Deserialize(onePage.Single(m => m.UserId == company.AliceId).Payload);
        Assert.Equal("15 alerts need your attention", alice.Title);
        // Ten rows, biggest first (of two as big, the first by id), then "and 5 more".
        Assert.Equal(11, alice.Rows.Count);
        Assert.Contains("deal-07", alice.Rows[0].Text, StringComparison.Ordinal);
        Assert.Contains("deal-tie", alice.Rows[1].Text, StringComparison.Ordinal);
        Assert.Contains("5", alice.Rows[10].Text, StringComparison.Ordinal);
        Assert.Contains("16", ReplyJson.Deserialize(onePage.Single(m => m.ChannelId == "#emea").Payload).Text, StringComparison.Ordinal);
    }

    /// <summary>Routes what waits (not saved), returning each message with its reader.</summary>
    private static async Task<List<(int? UserId, string ChannelId, string Payload)>> RouteAsync(DeliveryCompany company, int pageSize) =>
        await company.UseAsync<IServiceScopeFactory, List<(int?, string, string)>>(async scopes =>
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<RevBotDb>();
            await scope.ServiceProvider.GetRequiredService<AlertRouter>().RouteAsync(company.Time.GetUtcNow().UtcDateTime, pageSize, TestContext.Current.CancellationToken);
            return [.. db.ChangeTracker.Entries<OutboxMessage>().Select(e => (e.Entity.RecipientUserId, e.Entity.ChannelId, e.Entity.Payload))
                .OrderBy(m => m.RecipientUserId).ThenBy(m => m.ChannelId, StringComparer.Ordinal)];
        });
}
