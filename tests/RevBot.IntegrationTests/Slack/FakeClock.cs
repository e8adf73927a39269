using Microsoft.Extensions.Time.Testing;

namespace RevBot.IntegrationTests.Slack;

/// <summary>Moves a fake clock forward in small steps until the awaited work is done, so "waits" take milliseconds.</summary>
internal static class FakeClock
{
    public static async Task<T> RunAsync<T>(FakeTimeProvider time, Task<T> work)
    {
        for (var i = 0; i < 2000 && !work.IsCompleted; i++)
        {
            await Task.Delay(5, TestContext.Current.CancellationToken);
            time.Advance(TimeSpan.FromMilliseconds(100));
        }
        Assert.True(work.IsCompleted, "The work did not finish within 200 fake seconds.");
        return await work;
    }
}
