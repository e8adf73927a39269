using System.Net;
using Microsoft.Extensions.Time.Testing;
using RevBot.Teams.Protocol.Auth;
using RevBot.Teams.Protocol.Connector;

namespace RevBot.Tests.Teams;

public sealed class ConnectorPolicyTests
{
    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests, true, true)]
    [InlineData(HttpStatusCode.PreconditionFailed, true, true)]
    [InlineData(HttpStatusCode.BadGateway, true, false)]
    [InlineData(HttpStatusCode.GatewayTimeout, true, false)]
    [InlineData(HttpStatusCode.BadGateway, false, true)]
    [InlineData(HttpStatusCode.GatewayTimeout, false, true)]
    [InlineData(HttpStatusCode.InternalServerError, false, false)]
    [InlineData(HttpStatusCode.BadRequest, false, false)]
    [InlineData(HttpStatusCode.NotFound, false, false)]
    public void Only_documented_transient_statuses_are_retried_and_creates_not_after_a_5xx(HttpStatusCode status, bool creates, bool retried) =>
        Assert.Equal(retried, new ConnectorRetryPolicy().ShouldRetry(status, creates));

    [Fact]
    public void Backoff_grows_exponentially_with_jitter_honours_retry_after_and_is_capped()
    {
        var policy = new ConnectorRetryPolicy { BaseDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(10) };
        for (var i = 0; i < 50; i++)
        {
            Assert.InRange(policy.DelayAfter(1, null), TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1));
            Assert.InRange(policy.DelayAfter(3, null), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4));
        }
        Assert.Equal(TimeSpan.FromSeconds(7), policy.DelayAfter(1, TimeSpan.FromSeconds(7)));
        Assert.Equal(TimeSpan.FromSeconds(10), policy.DelayAfter(8, null));
        Assert.Equal(TimeSpan.FromSeconds(10), policy.DelayAfter(1, TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public async Task The_eighth_call_in_a_second_waits_for_the_window_while_other_conversations_go_on()
    {
        var time = new FakeTimeProvider();
        var pacer = new ConversationPacer(time);
        for (var i = 0; i < ConversationPacer.PerSecond; i++) await pacer.WaitTurnAsync("a", TestContext.Current.CancellationToken);

        var eighth = pacer.WaitTurnAsync("a", TestContext.Current.CancellationToken);
        await pacer.WaitTurnAsync("b", TestContext.Current.CancellationToken);
        Assert.False(eighth.IsCompleted);

        time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(eighth.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));
        await eighth.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
    }

    [Theory]
    [InlineData(BotAuthFailure.None, 200)]
    [InlineData(BotAuthFailure.MissingToken, 401)]
    [InlineData(BotAuthFailure.InvalidToken, 401)]
    [InlineData(BotAuthFailure.UnknownSigningKey, 401)]
    [InlineData(BotAuthFailure.KeysUnavailable, 401)]
    [InlineData(BotAuthFailure.NotConfigured, 401)]
    [InlineData(BotAuthFailure.EndorsementMissing, 403)]
    [InlineData(BotAuthFailure.ServiceUrlMismatch, 403)]
    public void Authentication_failures_map_to_401_or_403(BotAuthFailure failure, int status)
    {
        var result = failure == BotAuthFailure.None ? BotAuthResult.Anonymous : BotAuthResult.Fail(failure, "x");
        Assert.Equal(status, result.StatusCode);
    }
}
