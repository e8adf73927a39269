using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace RevBot.IntegrationTests.Teams;

/// <summary>
/// Microsoft 365 Agents Playground (npm <c>@microsoft/m365agentsplayground</c>, pinned in tests/conformance) as a child
/// process: the Teams client emulator and its mock connector. Driven through the API its own web UI uses:
/// <list type="bullet">
/// <item><c>GET /_internal/v1/config</c>: the tenant, the signed-in user and the conversations (ids are new per run);</item>
/// <item><c>POST /_debug/conversation/{id}/installation</c>: "install the app" (installationUpdate and conversationUpdate);</item>
/// <item><c>POST /_conversation/v1/conversations/{id}/messages</c>: the user types a message;</item>
/// <item><c>POST /_conversation/v1/invoke</c>: the user presses an Action.Execute (answered with the bot's invoke response);</item>
/// <item>WebSocket <c>/_ws_conversation/v1/conversations/stream</c>: what the UI shows, as <c>{"action":"createMessage"|
/// "updateMessage"|"typing", "actionConversationId", "message"}</c>. Frames are buffered until a client connects.</item>
/// </list>
/// The bot talks to its mock connector at <c>http://localhost:{port}/_connector</c> (the activities' serviceUrl). Stopped
/// by killing the process tree it started, by process id.
/// </summary>
public sealed partial class AgentsPlayground : IAsyncDisposable
{
    public const string ConnectorPath = "/_connector";

    /// <summary>The CLI, relative to tests/conformance/node_modules.</summary>
    public const string Cli = "@microsoft/m365agentsplayground/cli.js";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(40);

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly List<JsonObject> _frames = [];
    private readonly CancellationTokenSource _stop = new();
    private ClientWebSocket? _socket;
    private Task? _reader;

    private AgentsPlayground(Process process) => _process = process;

    public int ProcessId => _process.Id;
    public int Port { get; private set; }
    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };
    public JsonObject Config { get; private set; } = null!;
    public string PersonalChatId => (string)Config["config"]!["personalChat"]!["id"]!;
    public JsonObject CurrentUser => Config["config"]!["currentUser"]!.AsObject();
    public string BotId => (string)Config["config"]!["bot"]!["id"]!;

    /// <summary>Everything the Playground printed: for failure messages.</summary>
    public string Output => string.Join('\n', _output);

    /// <summary>Starts the Playground for <paramref name="botEndpoint"/> and waits until its test API and stream are up.</summary>
    public static async Task<AgentsPlayground> StartAsync(string botEndpoint, CancellationToken ct)
    {
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = NodeConformance.Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            $"node_modules/{Cli}", "-e", botEndpoint, "-c", "msteams",
            "-p", FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture), "--disable-telemetry",
        }) start.ArgumentList.Add(arg);
        start.Environment["TEAMSAPPTESTER_BROWSER"] = "none";
        start.Environment["NO_COLOR"] = "1";

        var playground = new AgentsPlayground(Process.Start(start) ?? throw new InvalidOperationException("node did not start"));
        try
        {
            await playground.WaitUntilReadyAsync(ct);
            return playground;
        }
        catch
        {
            await playground.DisposeAsync();
            throw;
        }
    }

    private async Task WaitUntilReadyAsync(CancellationToken ct)
    {
        var listening = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Read(object? sender, DataReceivedEventArgs e)
        {
            if (e.Data is null) return;
            _output.Enqueue(e.Data);
            // The CLI takes -p as a wish: when the port is taken it listens on a random one and says which.
            if (ListeningLine().Match(e.Data) is { Success: true } m) listening.TrySetResult(int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        }
        _process.OutputDataReceived += Read;
        _process.ErrorDataReceived += Read;
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(StartTimeout);
        var exited = _process.WaitForExitAsync(timeout.Token);
        var first = await Task.WhenAny(listening.Task, exited, Task.Delay(Timeout.Infinite, timeout.Token)).ConfigureAwait(false);
        if (first != listening.Task)
            throw new InvalidOperationException($"The Agents Playground did not start ({(_process.HasExited ? $"exit code {_process.ExitCode}" : "timed out")}):\n{Output}");
        Port = listening.Task.Result;
        Http.BaseAddress = new Uri($"http://127.0.0.1:{Port}");

        // The config call also waits (up to 15 s) for the bot's endpoint to answer: ready means both ends are up.
        using var config = await Http.GetAsync(new Uri("/_internal/v1/config", UriKind.Relative), timeout.Token);
        if (!config.IsSuccessStatusCode)
            throw new InvalidOperationException($"GET /_internal/v1/config answered {(int)config.StatusCode}:\n{Output}");
        Config = JsonNode.Parse(await config.Content.ReadAsStringAsync(timeout.Token))!.AsObject();

        _socket = new ClientWebSocket();
        await _socket.ConnectAsync(new Uri($"ws://127.0.0.1:{Port}/_ws_conversation/v1/conversations/stream"), timeout.Token);
        _reader = Task.Run(ReadFramesAsync, CancellationToken.None);
    }

    /// <summary>Simulates installing the app in the conversation: Teams sends installationUpdate (add) and conversationUpdate.</summary>
    public async Task InstallAsync(string conversationId, CancellationToken ct)
    {
        using var response = await Http.PostAsJsonAsync($"/_debug/conversation/{Uri.EscapeDataString(conversationId)}/installation", new { }, ct);
        await EnsureOkAsync(response, "install", ct);
    }

    /// <summary>The user types <paramref name="text"/>; returns the Playground's id for the user's message.</summary>
    public async Task<string> SendAsync(string conversationId, string fromId, string text, CancellationToken ct)
    {
        using var response = await Http.PostAsJsonAsync($"/_conversation/v1/conversations/{Uri.EscapeDataString(conversationId)}/messages",
            new { from = new { id = fromId }, text, textFormat = "plain" }, ct);
        await EnsureOkAsync(response, "send a message", ct);
        return (string)JsonNode.Parse(await response.Content.ReadAsStringAsync(ct))!["messageId"]!;
    }

    /// <summary>
    /// The user presses <paramref name="action"/> (an Action.Execute) on the bot's message <paramref name="messageId"/>: the
    /// Playground sends the adaptiveCard/action invoke and returns what the bot answered, as <c>{ "type", "value" }</c>.
    /// </summary>
    public async Task<JsonObject> InvokeAsync(string conversationId, string fromId, string messageId, JsonObject action, CancellationToken ct)
    {
        var body = new JsonObject
        {
            ["name"] = "adaptiveCard/action",
            ["value"] = new JsonObject { ["action"] = action.DeepClone(), ["trigger"] = "manual" },
            ["from"] = new JsonObject { ["id"] = fromId },
            ["conversation"] = new JsonObject { ["id"] = conversationId },
            ["replyToId"] = messageId,
        };
        using var response = await Http.PostAsync(new Uri("/_conversation/v1/invoke", UriKind.Relative),
            new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"), ct);
        await EnsureOkAsync(response, "invoke", ct);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(ct))!.AsObject();
    }

    /// <summary>How many stream frames have arrived so far: pass it to <see cref="WaitForFrameAsync"/> to see only later ones.</summary>
    public int FrameCount
    {
        get { lock (_frames) return _frames.Count; }
    }

    /// <summary>The frames that arrived after position <paramref name="after"/>, so far.</summary>
    public IReadOnlyList<JsonObject> FramesAfter(int after)
    {
        lock (_frames) return [.. _frames.Skip(after)];
    }

    /// <summary>Waits for a frame after position <paramref name="after"/> that matches; fails with what did arrive.</summary>
    public async Task<JsonObject> WaitForFrameAsync(int after, Func<JsonObject, bool> match, string what, CancellationToken ct, int timeoutSeconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (true)
        {
            lock (_frames)
            {
                var found = _frames.Skip(after).FirstOrDefault(match);
                if (found is not null) return found;
                if (DateTime.UtcNow > deadline || _reader?.IsCompleted == true)
                    throw new TimeoutException($"The Playground did not show {what} within {timeoutSeconds} s. Frames:\n"
                        + string.Join('\n', _frames.Skip(after).Select(f => Shorten(f.ToJsonString()))) + $"\nPlayground output:\n{Output}");
            }
            await Task.Delay(50, ct);
        }
    }

    /// <summary>A message from the bot shown in the conversation (<c>createMessage</c>) whose first card matches.</summary>
    public Task<JsonObject> WaitForBotCardAsync(int after, string conversationId, Func<JsonObject, bool> card, string what, CancellationToken ct, int timeoutSeconds = 30) =>
        WaitForFrameAsync(after, f => (string?)f["action"] == "createMessage" && (string?)f["actionConversationId"] == conversationId
            && (string?)f["message"]?["from"]?["id"] == BotId && CardOf(f) is { } c && card(c), what, ct, timeoutSeconds);

    /// <summary>The Adaptive Card of a createMessage frame, or null.</summary>
    public static JsonObject? CardOf(JsonObject frame) =>
        frame["message"]?["attachments"] is JsonArray { Count: > 0 } a && (string?)a[0]?["contentType"] == "application/vnd.microsoft.card.adaptive"
            ? a[0]!["content"] as JsonObject
            : null;

    /// <summary>The card's Action.Execute buttons, wherever they sit (actions, action sets, a confirm's inner card).</summary>
    public static IEnumerable<JsonObject> Executes(JsonNode card) => Walk(card).Where(o => (string?)o["type"] == "Action.Execute");

    /// <summary>The card's inputs (Input.Text, Input.ChoiceSet…).</summary>
    public static IEnumerable<JsonObject> Inputs(JsonNode card) => Walk(card).Where(o => ((string?)o["type"])?.StartsWith("Input.", StringComparison.Ordinal) == true);

    /// <summary>
    /// <paramref name="action"/> as Teams sends it when pressed on <paramref name="card"/>: the card's inputs merged into
    /// its data, with <paramref name="values"/> typed over them.
    /// </summary>
    public static JsonObject WithInputs(JsonObject action, JsonNode card, IReadOnlyDictionary<string, string> values)
    {
        var pressed = action.DeepClone().AsObject();
        var data = pressed["data"] as JsonObject ?? [];
        foreach (var input in Inputs(card)) data[(string)input["id"]!] = input["value"]?.ToString() ?? "";
        foreach (var (id, value) in values) data[id] = value;
        pressed["data"] = data;
        return pressed;
    }

    private static IEnumerable<JsonObject> Walk(JsonNode? node) => node switch
    {
        JsonObject o => new[] { o }.Concat(o.SelectMany(p => Walk(p.Value))),
        JsonArray a => a.SelectMany(Walk),
        _ => [],
    };

    private async Task ReadFramesAsync()
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (_socket!.State == WebSocketState.Open)
            {
                var result = await _socket.ReceiveAsync(buffer, _stop.Token);
                if (result.MessageType == WebSocketMessageType.Close) return;
                message.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage) continue;
                var frame = JsonNode.Parse(message.ToArray()) as JsonObject;
                message.SetLength(0);
                if (frame is not null) lock (_frames) _frames.Add(frame);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or JsonException)
        {
            _output.Enqueue($"[test] conversation stream ended: {ex.Message}");
        }
    }

    private async Task EnsureOkAsync(HttpResponseMessage response, string what, CancellationToken ct)
    {
        if (response.StatusCode == HttpStatusCode.OK) return;
        throw new InvalidOperationException($"Playground {what} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}\n{Output}");
    }

    private static string Shorten(string s) => s.Length <= 1200 ? s : s[..1200] + "…";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"Listening on (\d+)")]
    private static partial Regex ListeningLine();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_socket is not null)
        {
            if (_reader is not null) await _reader.ConfigureAwait(false);
            _socket.Dispose();
        }
        try
        {
            // Only what this helper started: node and anything it spawned, by process id.
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        catch (OperationCanceledException)
        {
            _output.Enqueue($"[test] node (pid {_process.Id}) did not exit within 10 s of being killed.");
        }
        _process.Dispose();
        Http.Dispose();
        _stop.Dispose();
    }
}
