using RevBot.Data.Storage;
using RevBot.Slack.App.Conversations;
using RevBot.Testing;

namespace RevBot.IntegrationTests.Slack;

/// <summary>The event_id claim on both databases: the providers report a duplicate key differently.</summary>
public sealed class SlackDeliveryClaimTests
{
    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task An_event_id_is_claimed_once_even_from_two_contexts_as_two_instances_would(DbProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var first = db.NewContext();
        await using var second = db.NewContext();
        var now = DateTime.UtcNow;

        Assert.True(await SlackDeliveryClaim.TryClaimAsync(first, "Ev1", now, ct));
        Assert.False(await SlackDeliveryClaim.TryClaimAsync(second, "Ev1", now, ct));
        Assert.False(await SlackDeliveryClaim.TryClaimAsync(first, "Ev1", now, ct));
        Assert.True(await SlackDeliveryClaim.TryClaimAsync(second, "Ev2", now, ct));
    }
}
