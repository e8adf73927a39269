using System.Text.Json;

namespace RevBot.Slack.Protocol.Inbound;

/// <summary>
/// The acknowledgement of a delivery, optionally with a response payload: a message for slash commands
/// (<c>{"response_type":"ephemeral","text":…,"blocks":[…]}</c>) or a <c>response_action</c> for view submissions.
/// Over HTTP the payload is the 200 response body; over Socket Mode it rides in the ack envelope.
/// </summary>
public sealed record SlackAck(JsonElement? Payload)
{
    public static SlackAck Empty { get; } = new((JsonElement?)null);

    public static SlackAck With<T>(T payload) => new(SlackJson.ToElement(payload));
}
