using RevBot.Core.Alerts.Actions;
using RevBot.Core.Alerts.Subscriptions;
using RevBot.Core.DataHealth;
using RevBot.Core.Deals;
using RevBot.Core.Handoffs;
using RevBot.Core.Replies;
using RevBot.Core.Storage;

namespace RevBot.Core.Interactions;

/// <summary>
/// The one door for card buttons and form submissions from any adapter. It maps the chat user to a RevBot user and
/// routes by the action or form id: "deal.*" to the deal card, "handoff.claim" to the hand-off, "data.*" to the
/// data-health merge, "alert.mute" / "alert.unmute" to the presser's own mutes, the other "alert.*" to the alert buttons.
/// The reply says what to do next by its kind: <c>Card</c> replaces the original message, <c>Form</c> opens (or
/// re-shows, with errors) a form, <c>Refused</c> is shown to the person only.
/// </summary>
public sealed class InteractionService(RevBotDb db, DealInteractions deals, HandoffClaims claims, DataHealthInteractions data, AlertInteractions alerts, AlertMutes mutes)
{
    /// <summary>True for the action ids this service answers; other buttons ("ask") stay with the adapter.</summary>
    public static bool Handles(string? actionId) =>
        actionId is not null && (actionId.StartsWith("deal.", StringComparison.Ordinal) || actionId.StartsWith("data.", StringComparison.Ordinal)
            || actionId.StartsWith(AlertActionIds.Prefix, StringComparison.Ordinal) || actionId == HandoffKinds.ClaimAction);

    public async Task<Reply> PressAsync(CardPress press, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(press);
        var userId = await ActingUser.ResolveAsync(db, press.UserId, press.UserEmail, ct);
        if (press.ActionId == HandoffKinds.ClaimAction) return await claims.ClaimAsync(press.Value, userId, press.Channel, press.Language, ct);
        if (press.ActionId.StartsWith("data.", StringComparison.Ordinal)) return await data.PressAsync(press.ActionId, press.Value, userId, press.Channel, press.Language, ct);
        if (press.ActionId is AlertActionIds.Mute or AlertActionIds.Unmute) return await mutes.PressAsync(press.ActionId, press.Value, userId, press.Language, ct);
        if (press.ActionId.StartsWith(AlertActionIds.Prefix, StringComparison.Ordinal)) return await alerts.PressAsync(press.ActionId, press.Value, userId, press.Channel, press.Language, ct);
        return await deals.PressAsync(press.ActionId, press.Value, userId, press.Channel, press.Language, ct);
    }

    public async Task<Reply> SubmitAsync(FormSubmission submission, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(submission);
        if (!ReplyFormState.TryDecode(submission.State, out var state))
            return new Reply { Kind = ReplyKind.Refused, Title = "Not understood", Text = "RevBot can't read that form any more. Ask for the deal again to get a fresh card." };
        var userId = await ActingUser.ResolveAsync(db, submission.UserId, submission.UserEmail, ct);
        if (submission.FormId == AlertActionIds.Dismiss) return await alerts.SubmitAsync(state, submission.Values, userId, submission.Channel, submission.Language, ct);
        return submission.FormId == DataHealthInteractions.Merge
            ? await data.SubmitAsync(state, submission.Values, userId, submission.Channel, submission.Language, ct)
            : await deals.SubmitAsync(submission.FormId, state, submission.Values, userId, submission.Channel, submission.Language, ct);
    }
}
