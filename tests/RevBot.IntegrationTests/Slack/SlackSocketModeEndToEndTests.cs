using System.Collections.Concurrent;
using System.Net;
using RevBot.Slack.Protocol.Endpoints;
using RevBot.Testing;
using static RevBot.IntegrationTests.Slack.SlackEndToEnd;

namespace RevBot.IntegrationTests.Slack;

/// <summary>
/// Socket Mode through the real host and its real handlers: a local WebSocket server plays Slack's envelopes, the answers
/// are checked where they land on the fake Web API.
/// </summary>
public sealed class SlackSocketModeEndToEndTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Envelopes_are_acked_by_id_and_answered_and_after_a_disconnect_a_fresh_connection_goes_on_answering()
    {
        var acks = new ConcurrentQueue<string>();
        SlackBotHost? host = null;
        host = new SlackBotHost(new SlackBotHostOptions
        {
            SocketScript = async (ws, connection, ct) =>
            {
                await SocketScript.SendAsync(ws, SocketScript.Hello, ct);
                await host!.Started.WaitAsync(ct);
                if (connection == 1)
                {
                    await SocketScript.SendAsync(ws, SocketScript.Envelope("e1", "events_api",
                        EventCallback("EvS1", Mention("CS1", "1700001001.000100", "win rate this quarter"))), ct);
                    acks.Enqueue(await SocketScript.ReceiveAsync(ws, ct));
                    await SocketScript.SendAsync(ws, SocketScript.Envelope("e2", "slash_commands",
                        Command("CS2", "bookings this quarter", new Uri(host.Fake.BaseUri, "respond/sock-cmd")), acceptsResponsePayload: true), ct);
                    acks.Enqueue(await SocketScript.ReceiveAsync(ws, ct));
                    await SocketScript.SendAsync(ws, SocketScript.Refresh, ct);
                }
                else if (connection == 2)
                {
                    // Slack redelivers an event whose ack it did not see on the new connection: acked, not answered again.
                    await SocketScript.SendAsync(ws, SocketScript.Envelope("e3", "events_api",
                        EventCallback("EvS1", Mention("CS1", "1700001001.000100", "win rate this quarter")), retryAttempt: 1), ct);
                    acks.Enqueue(await SocketScript.ReceiveAsync(ws, ct));
                    await SocketScript.SendAsync(ws, SocketScript.Envelope("e4", "events_api",
                        EventCallback("EvS4", Mention("CS4", "1700001004.000100", "what is our ARR?"))), ct);
                    acks.Enqueue(await SocketScript.ReceiveAsync(ws, ct));
                }
                await SocketScript.DrainAsync(ws, ct);
            },
        });
        await using var lifetime = host;
        await host.InitializeAsync();

        var mention = SlackBotHost.Json((await host.WaitForAsync(r => Posted(r, "CS1"))).Single().Body);
        var command = SlackBotHost.Json((await host.WaitForAsync(r => r.Method == "/respond/sock-cmd")).Single().Body);
        var afterReconnect = SlackBotHost.Json((await host.WaitForAsync(r => Posted(r, "CS4"))).Single().Body);
        await WaitAsync(() => acks.Count >= 4);

        var ack = acks.Select(SlackBotHost.Json).ToList();
        Assert.Equal(["e1", "e2", "e3", "e4"], ack.Select(a => a.GetProperty("envelope_id").GetString()));
        Assert.All(ack.Where((_, i) => i != 1), a => Assert.False(a.TryGetProperty("payload", out _), "An event's ack carries no payload."));
        var working = ack[1].GetProperty("payload");
        Assert.Equal("ephemeral", working.GetProperty("response_type").GetString());
        Assert.Contains("Working on it", working.GetProperty("text").GetString(), StringComparison.Ordinal);

        Assert.Equal("1700001001.000100", mention.GetProperty("thread_ts").GetString());
        Assert.Equal(await ExpectedAsync(host, "win rate this quarter"), mention.GetProperty("text").GetString());
        Assert.Equal("ephemeral", command.GetProperty("response_type").GetString());
        Assert.True(command.GetProperty("replace_original").GetBoolean());
        Assert.Equal(await ExpectedAsync(host, "bookings this quarter"), command.GetProperty("text").GetString());
        Assert.Equal("1700001004.000100", afterReconnect.GetProperty("thread_ts").GetString());
        Assert.Equal(await ExpectedAsync(host, "what is our ARR?"), afterReconnect.GetProperty("text").GetString());

        Assert.Equal(["/link?ticket=1", "/link?ticket=2"], host.Fake.SocketUrls);
        Assert.Equal(2, host.SocketOpens);
        Assert.All(host.Fake.Calls("apps.connections.open"), r => Assert.Equal($"Bearer {SlackBotHost.AppToken}", r.Authorization));
        Assert.Single(host.Fake.Requests, r => Posted(r, "CS1"));

        // Socket Mode needs no public endpoint, so none is served.
        var http = await host.PostSignedAsync(SlackEndpoints.EventsPath, EventCallback("EvS9", Mention("CS9", "1.1", "win rate")), "application/json");
        Assert.Equal(HttpStatusCode.NotFound, http.StatusCode);
    }

    private static async Task WaitAsync(Func<bool> condition)
    {
        await Wait.UntilAsync(condition, SocketScript.Patience);
        Assert.True(condition(), "Timed out waiting for the Socket Mode acks.");
    }
}
