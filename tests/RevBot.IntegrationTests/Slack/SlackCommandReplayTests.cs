using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RevBot.Core.Alerts;
using RevBot.Core.Outbox;
using RevBot.Core.Storage;
using RevBot.IntegrationTests.Security;
using RevBot.Slack.Protocol.Endpoints;
using RevBot.Slack.Protocol.Signing;
using RevBot.Testing;

namespace RevBot.IntegrationTests.Slack;

/// <summary>
/// A slash command replayed inside Slack's 5-minute signature window (the same signed bytes sent again) runs nothing
/// twice, through the real host; the same command typed again by the user is a new request and runs.
/// </summary>
public sealed class SlackCommandReplayTests : IAsyncLifetime
{
    private readonly LogCapture _logs = new(LogLevel.Information, exceptionsOnly: false);
    private SlackBotHost _host = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _host = new SlackBotHost(new SlackBotHostOptions { Services = services => services.AddSingleton<ILoggerProvider>(_logs) });
        await _host.InitializeAsync();
    }

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_replayed_subscribe_changes_nothing_twice_and_retyping_it_still_runs()
    {
        const string text = "subscribe stalled deals", channel = "CREPLAY1";
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var original = Body(text, channel, "first", "1111.2222.aaaa");

        Assert.Equal(HttpStatusCode.OK, (await SendAsync(now, original)).StatusCode);
        await _host.WaitForAsync(r => r.Method == $"/respond/{channel}-first");
        var afterFirst = await StateAsync(channel);

        // The replay: the very bytes and headers, a few seconds later, so well inside the signature's window.
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(now, original)).StatusCode);
        await WaitForLogAsync("did not run again");
        Assert.Equal(afterFirst, await StateAsync(channel));
        Assert.Single(_host.Fake.Requests, r => r.Method == $"/respond/{channel}-first");

        // The user types it again: Slack signs a new request (new timestamp, trigger_id, response_url), which runs.
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(now + 1, Body(text, channel, "again", "3333.4444.bbbb"))).StatusCode);
        await _host.WaitForAsync(r => r.Method == $"/respond/{channel}-again");
        Assert.NotEqual(afterFirst, await StateAsync(channel));
    }

    [Fact]
    public async Task A_replayed_unsubscribe_does_not_undo_a_later_subscribe()
    {
        const string channel = "CREPLAY2";
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var unsubscribe = Body("unsubscribe", channel, "off", "5555.0001.cccc");
        await SendAsync(now - 2, Body("subscribe stalled deals", channel, "on", "5555.0000.cccc"));
        await _host.WaitForAsync(r => r.Method == $"/respond/{channel}-on");
        await SendAsync(now - 1, unsubscribe);
        await _host.WaitForAsync(r => r.Method == $"/respond/{channel}-off");
        await SendAsync(now, Body("subscribe stalled deals", channel, "on-again", "5555.0002.cccc"));
        await _host.WaitForAsync(r => r.Method == $"/respond/{channel}-on-again");
        var subscribed = await StateAsync(channel);
        Assert.Contains(":True", subscribed, StringComparison.Ordinal);

        // Someone who captured the unsubscribe sends it again inside the window.
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(now - 1, unsubscribe)).StatusCode);
        await WaitForLogAsync("did not run again");

        Assert.Equal(subscribed, await StateAsync(channel));
        Assert.Single(_host.Fake.Requests, r => r.Method == $"/respond/{channel}-off");
    }

    private string Body(string text, string channel, string hook, string trigger) =>
        $"command=%2Frevbot&text={Uri.EscapeDataString(text)}&team_id=T1&channel_id={channel}&user_id={SlackBotHost.RepSlackId}" +
        $"&trigger_id={trigger}&response_url={Uri.EscapeDataString($"{_host.Fake.BaseUri}respond/{channel}-{hook}")}";

    private Task<HttpResponseMessage> SendAsync(long timestamp, string body)
    {
        var ts = timestamp.ToString(CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, SlackEndpoints.CommandsPath) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        request.Headers.Add(SlackSignature.TimestampHeader, ts);
        request.Headers.Add(SlackSignature.SignatureHeader, SlackSignature.Compute(SlackBotHost.Secret, ts, Encoding.UTF8.GetBytes(body)));
        return _host.Http.SendAsync(request, Ct);
    }

    /// <summary>What the commands under test change: the channel's subscriptions (and the outbox), as one string.</summary>
    private async Task<string> StateAsync(string channel)
    {
        await using var scope = _host.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RevBotDb>();
        var subscriptions = await db.AlertSubscriptions.AsNoTracking().Where(s => s.ChannelId == channel).OrderBy(s => s.Id)
            .Select(s => new { s.Id, s.Kinds, s.Active }).ToListAsync(Ct);
        var outbox = await db.Outbox.CountAsync(Ct);
        return $"{string.Join(",", subscriptions.Select(s => $"{s.Id}:{s.Kinds}:{s.Active}"))} | outbox {outbox}";
    }

    private async Task WaitForLogAsync(string text)
    {
        if (await Wait.UntilAsync(() => _logs.Entries.Any(e => e.Contains(text, StringComparison.Ordinal)))) return;
        Assert.Fail($"No log entry containing \"{text}\".");
    }
}
