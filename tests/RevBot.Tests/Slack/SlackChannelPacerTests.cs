using Microsoft.Extensions.Time.Testing;
using RevBot.Slack.Protocol.WebApi;

namespace RevBot.Tests.Slack;

public sealed class SlackChannelPacerTests
{
    [Fact]
    public async Task Posts_to_one_channel_are_a_second_apart_and_other_channels_do_not_wait()
    {
        var time = new FakeTimeProvider();
        var pacer = new SlackChannelPacer(new SlackRetryPolicy(), time);

        var first = pacer.WaitTurnAsync("C1", TestContext.Current.CancellationToken);
        var second = pacer.WaitTurnAsync("C1", TestContext.Current.CancellationToken);
        var third = pacer.WaitTurnAsync("C1", TestContext.Current.CancellationToken);
        var other = pacer.WaitTurnAsync("C2", TestContext.Current.CancellationToken);

        Assert.True(first.IsCompleted && other.IsCompleted);
        Assert.False(second.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));
        await second;
        Assert.False(third.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));
        await third;
    }

    [Fact]
    public void After_a_quiet_second_a_channel_posts_at_once()
    {
        var time = new FakeTimeProvider();
        var pacer = new SlackChannelPacer(new SlackRetryPolicy(), time);
        Assert.True(pacer.WaitTurnAsync("C1", TestContext.Current.CancellationToken).IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1.5));
        Assert.True(pacer.WaitTurnAsync("C1", TestContext.Current.CancellationToken).IsCompleted);
    }
}
