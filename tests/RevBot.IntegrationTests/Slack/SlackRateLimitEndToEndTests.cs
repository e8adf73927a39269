using System.Net;
using Microsoft.Extensions.Time.Testing;
using RevBot.Slack.Endpoints;
using static RevBot.IntegrationTests.Slack.SlackEndToEnd;

namespace RevBot.IntegrationTests.Slack;

/// <summary>Slack's rate limit through the real host: the answer waits out Retry-After on the host's (fake) clock.</summary>
public sealed class SlackRateLimitEndToEndTests
{
    [Fact]
    public async Task A_429_on_posting_an_answer_is_retried_after_its_retry_after_and_the_answer_arrives()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
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
        // The first post is refused; the clock stands still until the test moves it, so the retry can only follow a move.
        await host.WaitForAsync(r => Posted(r, "CR1"));
        var posts = await FakeClock.RunAsync(clock, host.WaitForAsync(r => Posted(r, "CR1"), count: 2));

        Assert.Equal(2, posts.Count);
        Assert.True(posts[1].At - posts[0].At >= TimeSpan.FromSeconds(1),
            $"The retry came {(posts[1].At - posts[0].At).TotalMilliseconds} ms (host clock) after the 429 with Retry-After: 1.");
        Assert.Equal(posts[0].Body, posts[1].Body);
        var answer = SlackBotHost.Json(posts[1].Body);
        Assert.Equal("1700002001.000100", answer.GetProperty("thread_ts").GetString());
        Assert.Equal(await ExpectedAsync(host, "win rate this quarter"), answer.GetProperty("text").GetString());
    }
}
