using System.Collections.Concurrent;
using System.Net.WebSockets;
using Microsoft.Extensions.DependencyInjection;
using RevBot.Slack.Protocol.Inbound;
using RevBot.Slack.Protocol.SocketMode;
using RevBot.Testing;

namespace RevBot.IntegrationTests.Slack;

/// <summary>Socket Mode against a local server that plays Slack's side of the protocol.</summary>
public sealed class SocketModeTests
{
    private static readonly TimeSpan Patience = SocketScript.Patience;
    private readonly ConcurrentQueue<string> _acks = new();
    private readonly RecordingHandler _handler = new();
    private int _opens;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Envelopes_are_acked_by_id_and_a_disconnect_reconnects_with_a_fresh_url()
    {
        await using var fake = await StartAsync(async (ws, n, ct) =>
        {
            await SocketScript.SendAsync(ws, """{"type":"hello","num_connections":1,"connection_info":{"app_id":"A1"}}""", ct);
            if (n == 1)
            {
                await SocketScript.SendAsync(ws, """{"envelope_id":"e1","type":"events_api","accepts_response_payload":false,"retry_attempt":0,"payload":{"type":"event_callback","event_id":"Ev1","event":{"type":"app_mention","text":"<@U0> win rate"}}}""", ct);
                _acks.Enqueue(await SocketScript.ReceiveAsync(ws, ct));
                await SocketScript.SendAsync(ws, """{"type":"disconnect","reason":"refresh_requested","debug_info":{"host":"applink-1"}}""", ct);
            }
            else
            {
                await SocketScript.SendAsync(ws, """{"envelope_id":"e2","type":"slash_commands","accepts_response_payload":true,"payload":{"command":"/revbot","text":"win rate","user_id":"U1"}}""", ct);
                _acks.Enqueue(await SocketScript.ReceiveAsync(ws, ct));
            }
            await SocketScript.DrainAsync(ws, ct);
        });
        using var services = SlackTestServices.Build(fake, TimeProvider.System, s => s.AddSingleton<ISlackInboundHandler>(_handler), mode: "SocketMode");
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var run = services.GetRequiredService<SocketModeClient>().RunAsync(stop.Token);

        await WaitAsync(() => _acks.Count >= 2);
        await stop.CancelAsync();
        await run.WaitAsync(Patience, Ct);

        Assert.Equal(2, _opens);
        Assert.Equal(["/link?ticket=1", "/link?ticket=2"], fake.SocketUrls);
        Assert.All(fake.Calls("apps.connections.open"), r => Assert.Equal($"Bearer {SlackTestServices.AppToken}", r.Authorization));
        Assert.Equal(["""{"envelope_id":"e1"}""", """{"envelope_id":"e2","payload":{"response_type":"ephemeral","text":"On it"}}"""], _acks);

        var inbound = _handler.Received.ToList();
        Assert.Equal([SlackInboundKind.EventsApi, SlackInboundKind.SlashCommand], inbound.Select(i => i.Kind));
        Assert.Equal("e1", inbound[0].DeliveryId);
        Assert.Equal("app_mention", inbound[0].Payload.GetProperty("event").GetProperty("type").GetString());
        Assert.Equal("win rate", inbound[1].Payload.GetProperty("text").GetString());
    }

    [Fact]
    public async Task A_dropped_connection_is_reopened_after_a_backoff()
    {
        await using var fake = await StartAsync(async (ws, n, ct) =>
        {
            await SocketScript.SendAsync(ws, """{"type":"hello","num_connections":1}""", ct);
            if (n == 1)
            {
                ws.Abort();
                return;
            }
            await SocketScript.SendAsync(ws, """{"envelope_id":"e9","type":"interactive","accepts_response_payload":false,"payload":{"type":"block_actions","actions":[{"action_id":"ask:1","value":"win rate"}]}}""", ct);
            _acks.Enqueue(await SocketScript.ReceiveAsync(ws, ct));
            await SocketScript.DrainAsync(ws, ct);
        });
        var timing = new SocketModeTiming { FirstBackoff = TimeSpan.FromMilliseconds(50) };
        using var services = SlackTestServices.Build(fake, TimeProvider.System, s => s.AddSingleton<ISlackInboundHandler>(_handler).AddSingleton(timing), mode: "SocketMode");
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var run = services.GetRequiredService<SocketModeClient>().RunAsync(stop.Token);

        await WaitAsync(() => !_acks.IsEmpty);
        await stop.CancelAsync();
        await run.WaitAsync(Patience, Ct);

        Assert.Equal(2, _opens);
        Assert.Equal("""{"envelope_id":"e9"}""", Assert.Single(_acks));
        Assert.Equal("block_actions", Assert.Single(_handler.Received).PayloadType);
    }

    private Task<FakeSlack> StartAsync(Func<WebSocket, int, CancellationToken, Task> script)
    {
        FakeSlack? fake = null;
        var started = FakeSlack.StartAsync(r =>
        {
            if (r.Method != "apps.connections.open") return new FakeResponse(404, """{"ok":false,"error":"unknown_method"}""");
            var n = Interlocked.Increment(ref _opens);
            var ws = new UriBuilder(fake!.BaseUri) { Scheme = "ws", Path = "link", Query = $"ticket={n}" };
            return FakeResponse.Ok($$"""{"ok":true,"url":"{{ws.Uri}}"}""");
        }, socket: script);
        return started.ContinueWith(t => fake = t.Result, Ct, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
    }

    private static async Task WaitAsync(Func<bool> condition)
    {
        await Wait.UntilAsync(condition, Patience);
        Assert.True(condition(), "Timed out waiting for the Socket Mode exchange.");
    }

    private sealed class RecordingHandler : ISlackInboundHandler
    {
        public ConcurrentQueue<SlackInbound> Received { get; } = new();

        public ValueTask<SlackAck> HandleAsync(SlackInbound inbound, CancellationToken ct)
        {
            Received.Enqueue(inbound);
            return ValueTask.FromResult(inbound.Kind == SlackInboundKind.SlashCommand
                ? SlackAck.With(new { response_type = "ephemeral", text = "On it" })
                : SlackAck.Empty);
        }
    }
}
