using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Time.Testing;
using RevBot.Slack.Protocol.Endpoints;
using RevBot.Testing;
using static RevBot.IntegrationTests.Slack.SlackEndToEnd;

namespace RevBot.IntegrationTests.Slack;

/// <summary>Slack's rate limit through the real host: the answer waits out Retry-After on the host's (fake) clock.</summary>
public sealed class SlackRateLimitEndToEndTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_429_on_posting_an_answer_is_retried_after_its_retry_after_and_the_answer_arrives()
    {
        var clock = new WatchedClock(DateTimeOffset.UtcNow);
        var limited = 0;
        await using var host = new SlackBotHost(new SlackBotHostOptions
        {
            Clock = clock,
            Respond = r => r.Method == "chat.postMessage" && Interlocked.Exchange(ref limited, 1) == 0
                ? new FakeResponse(429, """{"ok":false,"error":"ratelimited"}""", RetryAfterSeconds: 1)
                : null,
        });
        await host.InitializeAsync();

        var ack = await host.PostSignedAsync(SlackEndpoints.EventsPath,
            EventCallback("EvR1", Mention("CR1", "1700002001.000100", "win rate this quarter")), "application/json");
        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        await host.WaitForAsync(r => Posted(r, "CR1"));
        // The host now waits for Retry-After on its clock, which stands still until the test moves it: no retry yet.
        await WaitAsync(() => clock.DueTimes.Contains(TimeSpan.FromSeconds(1)));
        Assert.Single(host.Fake.Requests, r => Posted(r, "CR1"));
        clock.Advance(TimeSpan.FromSeconds(1));
        var posts = await host.WaitForAsync(r => Posted(r, "CR1"), count: 2);

        Assert.Equal(2, posts.Count);
        Assert.Equal(TimeSpan.FromSeconds(1), posts[1].At - posts[0].At);
        Assert.Equal(posts[0].Body, posts[1].Body);
        var answer = SlackBotHost.Json(posts[1].Body);
        Assert.Equal("1700002001.000100", answer.GetProperty("thread_ts").GetString());
        Assert.Equal(await ExpectedAsync(host, "win rate this quarter"), answer.GetProperty("text").GetString());
    }

    private static async Task WaitAsync(Func<bool> condition)
    {
        await Wait.UntilAsync(condition);
        Assert.True(condition(), "The host never started a one-second wait on its clock after the 429.");
    }

    /// <summary>A fake clock that remembers the due time of every timer started on it (each Task.Delay is one).</summary>
    private sealed class WatchedClock(DateTimeOffset start) : FakeTimeProvider(start)
    {
        public ConcurrentQueue<TimeSpan> DueTimes { get; } = new();

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            DueTimes.Enqueue(dueTime);
            return base.CreateTimer(callback, state, dueTime, period);
        }
    }
}
