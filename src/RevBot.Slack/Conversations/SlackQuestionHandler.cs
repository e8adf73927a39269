using Microsoft.Extensions.DependencyInjection;
using RevBot.Core.Work;
using RevBot.Slack.BlockKit;
using RevBot.Slack.Inbound;
using RevBot.Slack.WebApi;

namespace RevBot.Slack.Conversations;

/// <summary>
/// The real <see cref="ISlackInboundHandler"/>: decides in the ack path what a delivery is, acks at once (slash commands
/// with "Working on it…") and queues the answering on the shared <see cref="WorkQueue"/>. Anything else is acked and ignored.
/// </summary>
internal sealed class SlackQuestionHandler(WorkQueue queue) : ISlackInboundHandler
{
    public ValueTask<SlackAck> HandleAsync(SlackInbound inbound, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(inbound);
        return ValueTask.FromResult(inbound.Kind switch
        {
            SlackInboundKind.EventsApi => Event(SlackEventDelivery.From(inbound.Payload)),
            SlackInboundKind.SlashCommand => Command(SlackCommandDelivery.From(inbound.Payload)),
            SlackInboundKind.Interactive when inbound.PayloadType == "block_actions" => Action(SlackActionDelivery.From(inbound.Payload)),
            _ => SlackAck.Empty,
        });
    }

    private SlackAck Event(SlackEventDelivery e)
    {
        if (e.IsForUs)
            queue.TryEnqueue(new($"slack {e.Type} {e.EventId}", (sp, ct) => sp.GetRequiredService<SlackEventProcessor>().ProcessAsync(e, ct)));
        return SlackAck.Empty;
    }

    private SlackAck Command(SlackCommandDelivery c)
    {
        if (c.ResponseUrl is null) return SlackAck.Empty;
        var queued = queue.TryEnqueue(new("slack slash command", (sp, ct) => sp.GetRequiredService<SlackCommandProcessor>().ProcessAsync(c, ct)));
        var ack = queued ? SlackMessages.WorkingOnIt(c.Text.Length > 0 ? c.Text : null) : Busy;
        return SlackAck.With(ResponseUrlMessage.From(ack));
    }

    private SlackAck Action(SlackActionDelivery a)
    {
        if (SlackActionProcessor.Handles(a))
            queue.TryEnqueue(new($"slack button {a.ActionId}", (sp, ct) => sp.GetRequiredService<SlackActionProcessor>().ProcessAsync(a, ct)));
        return SlackAck.Empty;
    }

    private static SlackMessage Busy { get; } = new("I'm swamped right now. Please try again in a minute.", []);
}
