namespace RevBot.Slack.Protocol.Inbound;

/// <summary>
/// Receives every Slack delivery, from the HTTP endpoints and from Socket Mode. Slack wants the ack within 3 seconds:
/// return quickly and do slow work (asking Core, posting answers) in the background, replying via the Web API or the
/// payload's <c>response_url</c>.
/// </summary>
public interface ISlackInboundHandler
{
    ValueTask<SlackAck> HandleAsync(SlackInbound inbound, CancellationToken ct);
}
