using System.Text.Json;
using RevBot.Core.Input;
using RevBot.Slack.Protocol.Inbound;

namespace RevBot.Slack.Protocol.SocketMode;

/// <summary>One frame from Slack: <c>hello</c>, <c>disconnect</c>, or an envelope to acknowledge by its id.</summary>
internal sealed record SocketModeMessage(string? Type, string? EnvelopeId, JsonElement Payload, bool AcceptsResponsePayload, int RetryAttempt, string? RetryReason, string? Reason)
{
    /// <summary>The frame, or null when it is not a JSON object of readable text (read as the HTTP endpoints read Slack's JSON).</summary>
    public static SocketModeMessage? Parse(ReadOnlySpan<byte> utf8)
    {
        if (!JsonInput.TryRead(utf8.ToArray(), stripNul: true, out var root, out _) || root.ValueKind != JsonValueKind.Object) return null;
        string? Text(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        return new SocketModeMessage(
            Text("type"),
            Text("envelope_id"),
            root.TryGetProperty("payload", out var payload) ? payload : default,
            root.TryGetProperty("accepts_response_payload", out var accepts) && accepts.ValueKind == JsonValueKind.True,
            root.TryGetProperty("retry_attempt", out var retry) && retry.TryGetInt32(out var n) ? n : 0,
            Text("retry_reason"),
            Text("reason"));
    }

    public SlackInboundKind? Kind => Type switch
    {
        "events_api" => SlackInboundKind.EventsApi,
        "slash_commands" => SlackInboundKind.SlashCommand,
        "interactive" => SlackInboundKind.Interactive,
        _ => null,
    };
}
