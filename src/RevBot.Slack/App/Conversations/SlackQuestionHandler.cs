using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RevBot.Core.Conversation;
using RevBot.Core.Interactions;
using RevBot.Core.Localization;
using RevBot.Core.Storage;
using RevBot.Core.Work;
using RevBot.Slack.App.Interactions;
using RevBot.Slack.App.Rendering;
using RevBot.Slack.Protocol.BlockKit;
using RevBot.Slack.Protocol.Inbound;
using RevBot.Slack.Protocol.WebApi;

namespace RevBot.Slack.App.Conversations;

/// <summary>
/// The real <see cref="ISlackInboundHandler"/>: decides in the ack path what a delivery is, acks at once (slash commands
/// with "Working on it…", in the language of the question) and queues the answering on the shared <see cref="WorkQueue"/>.
/// Anything else is acked and ignored.
/// </summary>
internal sealed partial class SlackQuestionHandler(WorkQueue queue, SlackButtons buttons, IServiceScopeFactory scopes, ILogger<SlackQuestionHandler> log) : ISlackInboundHandler
{
    public ValueTask<SlackAck> HandleAsync(SlackInbound inbound, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(inbound);
        if (inbound.Kind == SlackInboundKind.Interactive && inbound.PayloadType == "view_submission" && SlackInteractionProcessor.HandlesSubmission(inbound.Payload))
            return SubmitAsync(inbound.Payload, ct);
        return ValueTask.FromResult(inbound.Kind switch
        {
            SlackInboundKind.EventsApi => Event(SlackEventDelivery.From(inbound.Payload)),
            SlackInboundKind.SlashCommand => Command(SlackCommandDelivery.From(inbound.Payload, inbound.DeliveryId)),
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
        var language = QuestionLanguage.Of(c.Text);
        var ack = queued ? SlackMessages.WorkingOnIt(c.Text.Length > 0 ? c.Text : null, language) : Busy(language);
        return SlackAck.With(ResponseUrlMessage.From(ack));
    }

    /// <summary>A press by a Slack user, to whoever registered its id (<see cref="SlackButtons"/>); an unknown id is refused.</summary>
    private SlackAck Action(SlackActionDelivery a)
    {
        if (a.User is null) return SlackAck.Empty;
        // The press's trigger_id expires 3 seconds after the click: the queue starts it at once, so views.open is in time.
        if (buttons.IsCores(a))
            queue.TryEnqueue(new($"slack card action {a.ActionId}", (sp, ct) => sp.GetRequiredService<SlackInteractionProcessor>().PressAsync(a, ct)));
        else if (buttons.Find(a.ActionId) is { } button)
            queue.TryEnqueue(new($"slack button {a.ActionId}", (sp, ct) => button.Press(sp, a, ct)));
        else
            queue.TryEnqueue(new($"slack unknown button {a.ActionId}", (sp, ct) => sp.GetRequiredService<SlackInteractionProcessor>().RefuseAsync(a, ct)));
        return SlackAck.Empty;
    }

    /// <summary>
    /// A modal submission is answered in its HTTP response (errors keep the modal open), so it runs here, in its own
    /// scope, within Slack's 3 seconds. A failure is logged and the modal says that nothing was changed, in the form's
    /// language (its state carries it; English when it does not).
    /// </summary>
    private async ValueTask<SlackAck> SubmitAsync(System.Text.Json.JsonElement payload, CancellationToken ct)
    {
        var language = SlackInteractionProcessor.SubmissionLanguage(payload);
        await using var scope = scopes.CreateAsyncScope();
        try
        {
            return await scope.ServiceProvider.GetRequiredService<SlackInteractionProcessor>().SubmitAsync(payload, ct);
        }
        catch (Exception ex) when (DataUnavailable.Is(ex))
        {
            LogSubmitUnavailable(log, DataUnavailable.Describe(ex));
            return Sorry(DataUnavailable.NothingChanged(language).Text, language);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogSubmitFailed(log, ex);
            return Sorry(Texts.Get(language, nameof(Catalog.ChatNothingChangedAfterError)), language);
        }
    }

    private static SlackAck Sorry(string text, string language) => SlackAck.With(new
    {
        response_action = "update",
        view = new ModalView(new PlainText("RevBot"), [new SectionBlock(new MrkdwnText(text))]) { Close = new PlainText(Texts.Get(language, nameof(Catalog.ChatClose))) },
    });

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database could not be reached ({Error}) for a Slack modal submission; the modal says nothing was changed.")]
    private static partial void LogSubmitUnavailable(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "A Slack modal submission failed.")]
    private static partial void LogSubmitFailed(ILogger logger, Exception ex);

    private static SlackMessage Busy(string language) => new(Texts.Get(language, nameof(Catalog.ChatBusy)), []);
}
