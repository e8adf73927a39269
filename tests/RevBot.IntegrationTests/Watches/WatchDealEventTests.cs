using RevBot.Core.Domain;
using RevBot.Core.Outbox;
using RevBot.Data.Storage;

namespace RevBot.IntegrationTests.Watches;

/// <summary>
/// Deal watches read the deals' history since their last check, in one query each: a deal over the amount that entered
/// the stage is told once; a deal of the owner's whose close date moved from this quarter past its end is told once.
/// </summary>
public sealed class WatchDealEventTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task A_deal_over_the_amount_entering_the_stage_is_told_once(DbProvider provider)
    {
        await using var world = await WatchWorld.CreateAsync(provider);
        await world.OpenAsync("big", 150_000m, "Proposal", new DateOnly(2026, 12, 15));
        await world.OpenAsync("small", 50_000m, "Proposal", new DateOnly(2026, 12, 15));
        await world.OpenAsync("seed", 10_000m, "Negotiation", new DateOnly(2026, 12, 15));
        var set = await world.SayAsync("notify me when any deal over $100k moves to Negotiation");
        Assert.Equal("I'll tell you when any deal over $100K moves to Negotiation. Checked after each data sync and alert scan, and at least every 60 minutes.", set.Text);
        Assert.Equal(1, await WatchWorld.CheckAsync(world.First));

        world.Time.Advance(TimeSpan.FromMinutes(10));
        await world.EnterStageAsync("big", "Negotiation");
        await world.EnterStageAsync("small", "Negotiation");
        world.Time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, await WatchWorld.CheckAsync(world.First));
        var reply = ReplyJson.Deserialize(Assert.Single(await world.FiredAsync()).Payload);
        Assert.Equal("1 deal moved to Negotiation.", reply.Text);
        Assert.StartsWith("big · $150K", Assert.Single(reply.Sections[0].Items).Text, StringComparison.Ordinal);

        world.Time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, await WatchWorld.CheckAsync(world.First));
        Assert.Single(await world.FiredAsync());
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task A_deal_of_mine_pushed_out_of_the_quarter_is_told_once(DbProvider provider)
    {
        await using var world = await WatchWorld.CreateAsync(provider);
        await world.OpenAsync("mine", 80_000m, "Proposal", new DateOnly(2026, 12, 15));
        await world.CloseDateAsync("mine", new DateOnly(2026, 12, 15));
        await world.SayAsync("tell me when a deal of mine is pushed out of the quarter");
        Assert.Equal(1, await WatchWorld.CheckAsync(world.First));

        world.Time.Advance(TimeSpan.FromMinutes(10));
        await world.CloseDateAsync("mine", new DateOnly(2027, 1, 20));
        world.Time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, await WatchWorld.CheckAsync(world.First));
        var reply = ReplyJson.Deserialize(Assert.Single(await world.FiredAsync()).Payload);
        Assert.Equal("1 deal was pushed out of Q4 2026.", reply.Text);

        world.Time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, await WatchWorld.CheckAsync(world.First));
        Assert.Single(await world.FiredAsync());
    }
}
