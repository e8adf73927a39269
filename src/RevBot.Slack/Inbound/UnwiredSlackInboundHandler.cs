using Microsoft.Extensions.Logging;

namespace RevBot.Slack.Inbound;

/// <summary>
/// The handler until the question handlers are registered: acknowledges (so Slack does not retry) and logs what arrived.
/// Registering another <see cref="ISlackInboundHandler"/> replaces it.
/// </summary>
internal sealed partial class UnwiredSlackInboundHandler(ILogger<UnwiredSlackInboundHandler> log) : ISlackInboundHandler
{
    public ValueTask<SlackAck> HandleAsync(SlackInbound inbound, CancellationToken ct)
    {
        LogUnhandled(log, inbound.Kind, inbound.PayloadType);
        return ValueTask.FromResult(SlackAck.Empty);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack {Kind} ({PayloadType}) acknowledged; no handler is registered for it yet.")]
    private static partial void LogUnhandled(ILogger logger, SlackInboundKind kind, string? payloadType);
}
