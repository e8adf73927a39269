using System.Text.Json;

namespace RevBot.Slack.Protocol.Inbound;

/// <summary>
/// One delivery from Slack, the same whether it came over HTTP or Socket Mode: the payload is exactly what Slack sent
/// (for slash commands over HTTP, the form fields as a JSON object of strings, which is what Socket Mode sends).
/// </summary>
/// <param name="DeliveryId">Socket Mode's <c>envelope_id</c>; over HTTP, a slash command's <see cref="Signing.SlackReplayKey"/>,
/// else null (events carry their own <c>event_id</c>).</param>
/// <param name="RetryAttempt">Slack's retry count (0 on first delivery): a retry means an earlier ack was late.</param>
public sealed record SlackInbound(
    SlackInboundKind Kind,
    JsonElement Payload,
    string? DeliveryId = null,
    int RetryAttempt = 0,
    string? RetryReason = null)
{
    /// <summary>The payload's <c>type</c> (event_callback, block_actions, view_submission…), or null for slash commands.</summary>
    public string? PayloadType => Payload.ValueKind == JsonValueKind.Object && Payload.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
}
