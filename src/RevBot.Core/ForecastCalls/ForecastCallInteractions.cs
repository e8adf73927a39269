using Microsoft.EntityFrameworkCore;
using RevBot.Core.Deals;
using RevBot.Core.Domain;
using RevBot.Core.Localization;
using RevBot.Core.Replies;
using RevBot.Core.Storage;

namespace RevBot.Core.ForecastCalls;

/// <summary>
/// The call card's button and form. The button opens the form; Cancel (Teams) brings the card back; the form's
/// submission goes to <see cref="ForecastCallSubmissions"/>. Who may act is checked here and again on submit: only
/// the person whose call it is, before its deadline. Answers in the presser's language, else the card's.
/// </summary>
public sealed class ForecastCallInteractions(RevBotDb db, ForecastCallReader reader, ForecastCallSubmissions submissions, TimeProvider time)
{
    public async Task<Reply> PressAsync(string actionId, string value, int? userId, string? language, CancellationToken ct)
    {
        if (!ReplyFormState.TryDecode(value, out var form) || !ForecastCallCallState.TryDecode(form.RecordId, out var state))
            return ForecastCallCards.Refused(Texts.LanguageOf(language), Texts.Get(Texts.LanguageOf(language), nameof(Catalog.DealButtonUnreadable)));
        var lang = Texts.LanguageOf(language ?? form.Language);
        if (await GateAsync(state, userId, lang, ct) is { } refused) return refused.Reply;
        var call = await db.ForecastCalls.AsNoTracking().FirstAsync(c => c.Id == state.CallId, ct);
        var view = await reader.ViewAsync(call, state.OwnerId, state.Team, ct);
        if (view is null) return ForecastCallCards.Refused(lang, Texts.Get(lang, nameof(Catalog.FcallGone)));
        if (actionId == ForecastCallActionIds.Back) return ForecastCallCards.Card(view, lang);
        if (actionId != ForecastCallActionIds.Open) return ForecastCallCards.Refused(lang, Texts.Get(lang, nameof(Catalog.DealButtonUnknown)));
        // A new nonce per opened form: its submission (and a platform's retry of it) is one call.
        var f = ForecastCallCards.Form(view, state.Form(DealActionValue.NewNonce(), lang), lang);
        return new Reply { Kind = ReplyKind.Form, Title = f.Title, Text = f.Intro ?? f.Title, Form = f };
    }

    public async Task<Reply> SubmitAsync(string formId, ReplyFormState form, IReadOnlyDictionary<string, string?> values, int? userId, ChangeChannel channel, string? language, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        var lang = Texts.LanguageOf(language ?? form.Language);
        if (formId != ForecastCallActionIds.Submit || !ForecastCallCallState.TryDecode(form.RecordId, out var state))
            return ForecastCallCards.Refused(lang, Texts.Get(lang, nameof(Catalog.DealFormUnknown)));
        if (await GateAsync(state, userId, lang, ct) is { } refused)
        {
            // A twin delivery of a submission that was saved just before the deadline still gets its answer.
            if (refused.PastDeadline && await submissions.ReplayAsync(form, lang, ct) is { } replay) return replay;
            return refused.Reply;
        }
        return await submissions.SubmitAsync(state, form, values, userId!.Value, channel, lang, ct);
    }

    /// <summary>Refused: the call is gone, the presser is not a RevBot user or not the call's owner, or its deadline passed.</summary>
    private async Task<(Reply Reply, bool PastDeadline)?> GateAsync(ForecastCallCallState state, int? userId, string language, CancellationToken ct)
    {
        var call = await db.ForecastCalls.AsNoTracking().FirstOrDefaultAsync(c => c.Id == state.CallId, ct);
        if (call is null) return (ForecastCallCards.Refused(language, Texts.Get(language, nameof(Catalog.FcallGone))), false);
        if (userId is null) return (ForecastCallCards.Refused(language, Texts.Get(language, nameof(Catalog.FcallUnknownUser))), false);
        if (userId != state.OwnerId)
        {
            var owner = await db.Users.Where(u => u.Id == state.OwnerId).Select(u => u.Name).FirstOrDefaultAsync(ct) ?? "?";
            return (ForecastCallCards.Refused(language, Texts.Get(language, nameof(Catalog.FcallNotYours), owner)), false);
        }
        var deadline = state.Team ? call.ManagerDeadlineAt : call.DeadlineAt;
        if (time.GetUtcNow().UtcDateTime >= deadline)
        {
            var zone = reader.ZoneOf(call);
            var when = Digests.Scheduling.DigestScheduleText.Local(ForecastCallCards.Utc(deadline), zone, language);
            return (ForecastCallCards.Refused(language, Texts.Get(language, nameof(Catalog.FcallPastDeadline), when)), true);
        }
        return null;
    }
}
