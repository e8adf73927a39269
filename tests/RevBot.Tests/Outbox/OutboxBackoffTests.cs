using RevBot.Core.Outbox;

namespace RevBot.Tests.Outbox;

public sealed class OutboxBackoffTests
{
    private static readonly OutboxOptions Options = new() { FirstBackoff = TimeSpan.FromSeconds(5), MaxBackoff = TimeSpan.FromMinutes(15) };

    [Theory]
    [InlineData(1, 2.5, 5)]
    [InlineData(2, 5, 10)]
    [InlineData(4, 20, 40)]
    [InlineData(12, 450, 900)]
    [InlineData(500, 450, 900)]
    public void The_wait_doubles_per_attempt_with_jitter_up_to_the_cap(int attempts, double low, double high)
    {
        Assert.Equal(TimeSpan.FromSeconds(low), OutboxBackoff.Delay(Options, attempts, null, 0));
        Assert.Equal(TimeSpan.FromSeconds(high), OutboxBackoff.Delay(Options, attempts, null, 1));
        Assert.InRange(OutboxBackoff.Delay(Options, attempts, null, 0.5), TimeSpan.FromSeconds(low), TimeSpan.FromSeconds(high));
    }

    [Fact]
    public void A_platform_Retry_After_wins_when_longer_even_past_the_cap()
    {
        Assert.Equal(TimeSpan.FromSeconds(30), OutboxBackoff.Delay(Options, 1, TimeSpan.FromSeconds(30), 0.99));
        Assert.Equal(TimeSpan.FromHours(1), OutboxBackoff.Delay(Options, 20, TimeSpan.FromHours(1), 0.99));
        Assert.Equal(TimeSpan.FromSeconds(4.75), OutboxBackoff.Delay(Options, 1, TimeSpan.FromSeconds(1), 0.9));
    }
}
