using RevBot.Core.Replies;
using RevBot.Core.Storage;

namespace RevBot.Core.Interactions;

/// <summary>
/// The one door for card buttons and form submissions from any adapter. It maps the chat user to a RevBot user and
/// hands the press or submission to the feature that registered its id's prefix (<see cref="CardActionRoutes"/>):
/// "deal.*" the deal card, "handoff.claim" the hand-off, "data.*" the data-health merge, "alert.*" the alert buttons
/// and the presser's own mutes. An id no feature claims gets "RevBot doesn't know that button" (or form).
/// The reply says what to do next by its kind: <c>Card</c> replaces the original message (keeping the buttons the new
/// card has), unless <c>InNewMessage</c> says it is a drill-down to post as a new message beside it; <c>Form</c> opens
/// (or re-shows, with errors) a form; <c>Refused</c> is shown to the person only.
/// </summary>
public sealed class InteractionService(RevBotDb db, CardActionRoutes routes, IServiceProvider services)
{
    public async Task<Reply> PressAsync(CardPress press, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(press);
        if (routes.Find(press.ActionId) is not { } route) return CardActionRoute.UnknownButton;
        var userId = await ActingUser.ResolveAsync(db, press.UserId, press.UserEmail, ct);
        // Slack sends no locale with a press: the presser's own language stands in where the card carries none.
        if (press.Language is null) press = press with { PersonLanguage = await ActingUser.LanguageAsync(db, userId, ct) };
        return await route.Press(services, press, userId, ct);
    }

    public async Task<Reply> SubmitAsync(FormSubmission submission, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(submission);
        if (!ReplyFormState.TryDecode(submission.State, out var state))
            return new Reply { Kind = ReplyKind.Refused, Title = "Not understood", Text = "RevBot can't read that form any more. Ask for the deal again to get a fresh card." };
        if (routes.Find(submission.FormId) is not { } route) return CardActionRoute.UnknownFormReply;
        var userId = await ActingUser.ResolveAsync(db, submission.UserId, submission.UserEmail, ct);
        if (submission.Language is null) submission = submission with { PersonLanguage = await ActingUser.LanguageAsync(db, userId, ct) };
        return await route.Submit(services, submission, state, userId, ct);
    }
}
