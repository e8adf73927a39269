using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RevBot.Core.Domain;
using RevBot.Core.Interactions;
using RevBot.Core.Localization;
using RevBot.Core.Replies;
using RevBot.Core.Storage;
using RevBot.Core.Work;
using RevBot.Slack.App.Conversations;
using RevBot.Slack.App.Home;
using RevBot.Slack.App.Rendering;
using RevBot.Slack.Protocol.BlockKit;
using RevBot.Slack.Protocol.Inbound;
using RevBot.Slack.Protocol.WebApi;

namespace RevBot.Slack.App.Interactions;

/// <summary>
/// Card buttons ("deal.*", "data.*", the hand-off claim) and the modals they open, through Core's
/// <see cref="InteractionService"/>. A press's reply is a card (it replaces the message the button was on, with the
/// new card's buttons), a drill-down (<c>Reply.InNewMessage</c>, "Open deal": a new message in the thread, the pressed
/// message untouched), a form (a modal opened with the press's trigger_id) or a refusal (an ephemeral for the presser). A modal submission is answered
/// in the HTTP response: field errors as <c>response_action: errors</c>; otherwise the modal closes and the original
/// message is replaced with the new card in the background. A press on the Home tab (the mute toggles, "I'm on it") has
/// no message to replace: the tab is published again, fresh, with what the press did on top.
/// </summary>
internal sealed partial class SlackInteractionProcessor(
    InteractionService interactions, SlackUserDirectory users, SlackApiClient slack, SlackHomePublisher home, WorkQueue queue, ILogger<SlackInteractionProcessor> log)
{
    /// <summary>True for a press by a known user on a button a Core feature registered (<see cref="CardActionRoutes"/>).</summary>
    public static bool Handles(SlackActionDelivery a, CardActionRoutes routes) => a.User is not null && routes.Handles(a.ActionId);

    /// <summary>True for a modal this processor opened (its callback_id is a Core form id).</summary>
    public static bool HandlesSubmission(JsonElement payload) => SlackFormOrigin.Decode(payload.Str("view", "private_metadata")) is not null
        && payload.Str("view", "callback_id") is { Length: > 0 };

    public async Task PressAsync(SlackActionDelivery a, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(a);
        try
        {
            await PressOrFailAsync(a, ct);
        }
        catch (Exception ex) when (DataUnavailable.Is(ex))
        {
            LogUnavailable(log, a.ActionId, DataUnavailable.Describe(ex));
            // Told privately where the button was; a Home tab press (no channel, no response_url) in the app's DM.
            var reply = DataUnavailable.NothingChanged(ReplyFormState.TryDecode(a.Value, out var state) ? state.Language : null);
            if (a.Channel is null && a.ResponseUrl is null)
            {
                var posted = await slack.PostMessageAsync(PostMessageRequest.From(a.User!, ReplyRenderer.Render(reply), null), ct);
                if (!posted.Ok) LogFailed(log, "chat.postMessage", posted.Error.ToString());
            }
            else await TellUserAsync(a.Channel, a.User!, a.ResponseUrl, reply, ct);
        }
    }

    private async Task PressOrFailAsync(SlackActionDelivery a, CancellationToken ct)
    {
        var email = await users.EmailForAsync(a.User, ct);
        var reply = await interactions.PressAsync(new CardPress(a.ActionId, a.Value ?? "", null, email, ChangeChannel.Slack) { ChannelId = a.Channel }, ct);
        if (reply.InNewMessage)
        {
            await PostBesideAsync(a, reply, ct);
            return;
        }
        if (a.FromHome && reply.Kind != ReplyKind.Form)
        {
            await home.PublishAsync(a.User!, reply.Notice ?? reply.Text, ct);
            return;
        }
        switch (reply.Kind)
        {
            case ReplyKind.Form when reply.Form is { } form && a.TriggerId is { } trigger:
                var origin = Origin(form.State.Encode(), a.Channel, a.MessageTs, a.ResponseUrl);
                var opened = await slack.OpenViewAsync(new OpenViewRequest(trigger, FormModal.Render(form, origin)), ct);
                if (!opened.Ok) LogFailed(log, "views.open", opened.Error.ToString());
                break;
            case ReplyKind.Card:
                await ReplaceAsync(a.Channel, a.MessageTs, a.ResponseUrl, reply, ct);
                break;
            default:
                await TellUserAsync(a.Channel, a.User!, a.ResponseUrl, reply, ct);
                break;
        }
    }

    /// <summary>
    /// A press on a button nobody registered (<see cref="SlackButtons"/>): the presser is told privately, as Core tells
    /// them about an id no feature claims; nothing else happens. A Home tab press has nowhere to say it, so it is only logged.
    /// </summary>
    public Task RefuseAsync(SlackActionDelivery a, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(a);
        LogUnknown(log, a.ActionId);
        return TellUserAsync(a.Channel, a.User!, a.ResponseUrl, CardActionRoute.UnknownButton, ct);
    }

    /// <summary>The language of a submitted form, as its state carries it; English when it does not.</summary>
    public static string SubmissionLanguage(JsonElement payload) =>
        SlackFormOrigin.Decode(payload.Str("view", "private_metadata")) is { } origin && ReplyFormState.TryDecode(origin.State, out var state) && state.Language is { } language
            ? language
            : Texts.Neutral;

    /// <summary>A view_submission: runs the form through Core and returns what the HTTP response must say.</summary>
    public async Task<SlackAck> SubmitAsync(JsonElement payload, CancellationToken ct)
    {
        var origin = SlackFormOrigin.Decode(payload.Str("view", "private_metadata"))!;
        var formId = payload.Str("view", "callback_id")!;
        var user = payload.Str("user", "id");
        var view = payload.TryGetProperty("view", out var v) ? v : default;
        var email = await users.EmailForAsync(user, ct);
        var reply = await interactions.SubmitAsync(new FormSubmission(formId, origin.State, FormModal.Values(view), null, email, ChangeChannel.Slack), ct);
        var responseUrl = Uri.TryCreate(origin.ResponseUrl, UriKind.Absolute, out var url) ? url : null;
        switch (reply.Kind)
        {
            case ReplyKind.Form when reply.Form is { } form:
                var errors = FormModal.Errors(form);
                if (errors.Count > 0) return SlackAck.With(new { response_action = "errors", errors });
                // A message about the whole form: the modal is shown again with it at the top.
                return SlackAck.With(new { response_action = "update", view = FormModal.Render(form, Origin(form.State.Encode(), origin.Channel, origin.MessageTs, responseUrl)) });
            case ReplyKind.Card:
                Later("slack card update", (p, c) => p.ReplaceAsync(origin.Channel, origin.MessageTs, responseUrl, reply, c));
                return SlackAck.Empty;
            default:
                if (user is not null) Later("slack refusal", (p, c) => p.TellUserAsync(origin.Channel, user, responseUrl, reply, c));
                return SlackAck.Empty;
        }
    }

    private void Later(string name, Func<SlackInteractionProcessor, CancellationToken, Task> run) =>
        queue.TryEnqueue(new WorkItem(name, (sp, ct) => run(sp.GetRequiredService<SlackInteractionProcessor>(), ct)));

    /// <summary>The card in place of the original message: through response_url (works for ephemerals too), else chat.update.</summary>
    private async Task ReplaceAsync(string? channel, string? ts, Uri? responseUrl, Reply reply, CancellationToken ct)
    {
        var message = ReplyRenderer.Render(reply);
        if (responseUrl is not null)
        {
            var sent = await slack.RespondAsync(responseUrl, ResponseUrlMessage.From(message) with { ReplaceOriginal = true }, ct);
            if (sent.Ok || channel is null || ts is null)
            {
                if (!sent.Ok) LogFailed(log, "response_url", sent.Error.ToString());
                return;
            }
        }
        if (channel is null || ts is null) return;
        var updated = await slack.UpdateMessageAsync(new UpdateMessageRequest(channel, ts, message.Text, message.Blocks), ct);
        if (!updated.Ok) LogFailed(log, "chat.update", updated.Error.ToString());
    }

    /// <summary>
    /// A drill-down's answer ("Open deal") as a new message where <see cref="SlackFollowUpTarget"/> says, the message the
    /// button was on left as it was: a new ephemeral under an ephemeral, else a post in its thread (or DM).
    /// </summary>
    private async Task PostBesideAsync(SlackActionDelivery a, Reply reply, CancellationToken ct)
    {
        var message = ReplyRenderer.Render(reply);
        var target = SlackFollowUpTarget.Of(a);
        if (target.Ephemeral)
        {
            var sent = await slack.RespondAsync(a.ResponseUrl!, ResponseUrlMessage.From(message) with { ReplaceOriginal = false }, ct);
            if (!sent.Ok) LogFailed(log, "response_url", sent.Error.ToString());
            return;
        }
        var posted = await slack.PostMessageAsync(PostMessageRequest.From(target.Channel, message, target.ThreadTs), ct);
        if (!posted.Ok) LogFailed(log, "chat.postMessage", posted.Error.ToString());
    }

    /// <summary>Shown to the person only: an ephemeral through response_url, else chat.postEphemeral.</summary>
    private async Task TellUserAsync(string? channel, string user, Uri? responseUrl, Reply reply, CancellationToken ct)
    {
        var message = ReplyRenderer.Render(reply);
        if (responseUrl is not null)
        {
            var sent = await slack.RespondAsync(responseUrl, ResponseUrlMessage.From(message) with { ReplaceOriginal = false }, ct);
            if (!sent.Ok) LogFailed(log, "response_url", sent.Error.ToString());
            return;
        }
        if (channel is null) return;
        var posted = await slack.PostEphemeralAsync(new PostEphemeralRequest(channel, user, message.Text, message.Blocks), ct);
        if (!posted.Ok) LogFailed(log, "chat.postEphemeral", posted.Error.ToString());
    }

    private static string Origin(string state, string? channel, string? ts, Uri? responseUrl)
    {
        var origin = new SlackFormOrigin(state, channel, ts, responseUrl?.OriginalString).Encode();
        // private_metadata holds 3000 characters: without the response_url the message is still found by channel and ts.
        return origin.Length <= BlockKitLimits.PrivateMetadata ? origin : new SlackFormOrigin(state, channel, ts, null).Encode();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database could not be reached ({Error}) for the Slack button {ActionId}; the presser was told nothing changed.")]
    private static partial void LogUnavailable(ILogger logger, string actionId, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "A Slack press on the unknown button {ActionId}: the presser was told RevBot doesn't know it.")]
    private static partial void LogUnknown(ILogger logger, string actionId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Answering a Slack card action failed at {Method}: {Error}.")]
    private static partial void LogFailed(ILogger logger, string method, string error);
}
