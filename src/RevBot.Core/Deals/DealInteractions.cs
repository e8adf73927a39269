using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RevBot.Core.Company;
using RevBot.Core.Deals.WriteBack;
using RevBot.Core.Domain;
using RevBot.Core.Localization;
using RevBot.Core.Replies;
using RevBot.Core.Storage;

namespace RevBot.Core.Deals;

/// <summary>
/// The deal card's buttons and forms: a press either opens a form (update, mark lost, log activity, pick a date) or
/// runs a command at once (mark won, push a week or a month); a form submission runs its command. Every outcome is a
/// reply for the adapter: the card to put in place of the original, the form again with its errors, or a refusal.
/// Everything is written in the language of the person who pressed: the platform's locale for them (Teams), else the
/// language of the card or form the button is on (Slack sends no locale), else English.
/// </summary>
public sealed class DealInteractions(RevBotDb db, DealCommandService commands, DealCards cards, IOptions<CompanyOptions> company, CompanyClock clock)
{
    public async Task<Reply> PressAsync(string actionId, string value, int? userId, ChangeChannel channel, string? language, CancellationToken ct)
    {
        if (actionId is DealActionIds.Open or DealActionIds.Back)
        {
            var (dealId, listLanguage) = DealActionValue.ReadOpen(value);
            var openIn = Texts.LanguageOf(language ?? listLanguage);
            // Open is a drill-down: the card comes in a new message, the alert or list it was opened from stays as it
            // was. Back (a Cancel) redraws the card where the form or the confirmation was.
            return await cards.CardAsync(dealId, null, openIn, ct) is { } card
                ? card with { InNewMessage = actionId == DealActionIds.Open }
                : NotFound(openIn, dealId);
        }
        if (!DealActionValue.TryParse(value, out var state))
            return Refused(Texts.LanguageOf(language), nameof(Catalog.DealNotUnderstoodTitle), nameof(Catalog.DealButtonUnreadable));
        // The presser's locale when the platform says it (Teams): typed amounts are read their way. Else (Slack) the
        // language of the card the button is on; English when neither is known.
        var lang = Texts.LanguageOf(language ?? state.Language);
        var key = DealActionValue.KeyFor(state, actionId);
        return actionId switch
        {
            DealActionIds.Win => await RunAsync(Command(DealCommandKind.MarkWon, state, key, userId, channel, lang), null, null, ct),
            DealActionIds.PushWeek => await RunAsync(Command(DealCommandKind.PushCloseDate, state, key, userId, channel, lang) with { Push = DealPush.Week }, null, null, ct),
            DealActionIds.PushMonth => await RunAsync(Command(DealCommandKind.PushCloseDate, state, key, userId, channel, lang) with { Push = DealPush.Month }, null, null, ct),
            DealActionIds.Update or DealActionIds.Lose or DealActionIds.Log or DealActionIds.PushPick => await OpenFormAsync(actionId, state, userId, lang, ct),
            _ => Refused(lang, nameof(Catalog.DealNotUnderstoodTitle), nameof(Catalog.DealButtonUnknown)),
        };
    }

    public async Task<Reply> SubmitAsync(string formId, ReplyFormState state, IReadOnlyDictionary<string, string?> values, int? userId, ChangeChannel channel, string? language, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(values);
        if (formId is not (DealActionIds.Update or DealActionIds.Lose or DealActionIds.Log or DealActionIds.PushForm))
            return Refused(Texts.LanguageOf(language), nameof(Catalog.DealNotUnderstoodTitle), nameof(Catalog.DealFormUnknown));
        // A field the form showed but left empty counts as cleared; a field it did not send is left alone.
        string? Value(string field) => values.TryGetValue(field, out var v) ? v ?? "" : null;
        var command = Command(DealCommandKind.Update, state, DealActionValue.KeyFor(state, formId), userId, channel, Texts.LanguageOf(language ?? state.Language));
        command = formId switch
        {
            DealActionIds.Lose => command with { Kind = DealCommandKind.MarkLost, LossReason = Value(DealFields.LossReason) ?? "" },
            DealActionIds.Log => command with { Kind = DealCommandKind.LogActivity, ActivityType = Value(DealFields.ActivityType), Subject = Value(DealFields.Subject) },
            DealActionIds.PushForm => command with { Kind = DealCommandKind.PushCloseDate, Push = DealPush.Pick, Changes = new DealFieldChanges { CloseDate = Value(DealFields.CloseDate) ?? "" } },
            _ => command with
            {
                Changes = new DealFieldChanges
                {
                    Stage = Value(DealFields.Stage), Amount = Value(DealFields.Amount), CloseDate = Value(DealFields.CloseDate),
                    ForecastCategory = Value(DealFields.ForecastCategory), Probability = Value(DealFields.Probability), NextStep = Value(DealFields.NextStep),
                    Discount = Value(DealFields.Discount),
                },
            },
        };
        return await RunAsync(command, (formId, state), values, ct);
    }

    private async Task<Reply> OpenFormAsync(string actionId, ReplyFormState state, int? userId, string language, CancellationToken ct)
    {
        if (await CommandGate.ActorAsync(db, userId, ct) is not { } actor)
            return DealReplies.Refused(Texts.Get(language, nameof(Catalog.DealWhoAreYouTitle)), DealPermissions.UnknownDealUser(language).Text);
        var deal = await db.Deals.AsNoTracking().FirstOrDefaultAsync(d => d.Id == state.RecordId, ct);
        if (deal is null) return NotFound(language, state.RecordId);
        // Checked again on submit; refusing here saves typing a form that cannot be saved.
        if (await DealPermissions.RefusalAsync(db, actor, deal, language, ct) is { } refusal)
            return DealReplies.Refused(Texts.Get(language, nameof(Catalog.DealNotChangedTitle)), refusal.Text);
        if (actionId != DealActionIds.Log && deal.Version != state.Version)
            return await cards.StaleCardAsync(deal.Id, await DealHistory.SinceAsync(db, deal.Id, state.Version, ct), language, ct) ?? NotFound(language, deal.Id);
        var formState = new ReplyFormState(deal.Id, deal.Version, DealActionValue.NewNonce(), language);
        var form = FormFor(actionId, deal, formState, language);
        return new Reply { Kind = ReplyKind.Form, Title = form.Title, Text = form.Intro ?? form.Title, Form = form };
    }

    private async Task<Reply> RunAsync(DealCommand command, (string Id, ReplyFormState State)? form, IReadOnlyDictionary<string, string?>? submitted, CancellationToken ct)
    {
        var result = await commands.ExecuteAsync(command, ct);
        var language = command.Language;
        string NotFoundTitle() => Texts.Get(language, nameof(Catalog.DealNotFoundTitle));
        if (result.Crm is { } crm && crm != CrmWriteOutcome.Written && crm != CrmWriteOutcome.Pending)
            return await CrmRejectedAsync(command, result, form, submitted, ct);
        switch (result.Status)
        {
            case DealCommandStatus.Applied:
                var notice = Texts.Get(language, nameof(Catalog.DealNoticeJustNow), result.Message.TrimEnd('.'));
                if (result.Note is { } note) notice = $"{notice} {note}";
                return await cards.CardAsync(command.DealId, notice, language, ct) ?? DealReplies.Refused(NotFoundTitle(), result.Message);
            case DealCommandStatus.Unchanged or DealCommandStatus.PendingApproval:
                return await cards.CardAsync(command.DealId, result.Message, language, ct) ?? DealReplies.Refused(NotFoundTitle(), result.Message);
            case DealCommandStatus.Stale:
                return await cards.StaleCardAsync(command.DealId, result.ChangedSince, language, ct) ?? DealReplies.Refused(NotFoundTitle(), result.Message);
            case DealCommandStatus.Invalid when form is { } f && submitted is not null:
                // The form comes back with the same state, so the corrected resubmission is still this one submission.
                var deal = await db.Deals.AsNoTracking().FirstOrDefaultAsync(d => d.Id == command.DealId, ct);
                if (deal is null) break;
                var again = DealForms.WithErrors(FormFor(f.Id, deal, f.State, language), submitted, result.Errors, result.Message, language);
                return new Reply { Kind = ReplyKind.Form, Title = again.Title, Text = result.Message, Form = again };
        }
        var title = result.Status switch
        {
            DealCommandStatus.UnknownUser => nameof(Catalog.DealWhoAreYouTitle),
            DealCommandStatus.NotFound => nameof(Catalog.DealNotFoundTitle),
            _ => nameof(Catalog.DealNotChangedTitle),
        };
        return DealReplies.Refused(Texts.Get(language, title), result.Message);
    }

    /// <summary>
    /// The CRM would not take the change and it was undone: a refused form comes back with the CRM's errors next to its
    /// fields and a new state (the deal has a new version, and the submission's key already has its answer); otherwise
    /// the card as it is now, with what happened on top.
    /// </summary>
    private async Task<Reply> CrmRejectedAsync(DealCommand command, DealCommandResult result, (string Id, ReplyFormState State)? form, IReadOnlyDictionary<string, string?>? submitted, CancellationToken ct)
    {
        var language = command.Language;
        var deal = await db.Deals.AsNoTracking().FirstOrDefaultAsync(d => d.Id == command.DealId, ct);
        if (deal is null) return NotFound(language, command.DealId);
        if (result.Status == DealCommandStatus.Invalid && form is { } f && submitted is not null && f.Id != DealActionIds.Log)
        {
            var state = new ReplyFormState(deal.Id, deal.Version, DealActionValue.NewNonce(), language);
            var again = DealForms.WithErrors(FormFor(f.Id, deal, state, language), submitted, result.Errors, result.Message, language) with { Error = result.Message };
            return new Reply { Kind = ReplyKind.Form, Title = again.Title, Text = result.Message, Form = again };
        }
        return await cards.CardAsync(deal.Id, result.Message, language, ct) ?? NotFound(language, deal.Id);
    }

    private ReplyForm FormFor(string id, Deal deal, ReplyFormState state, string language) => id switch
    {
        DealActionIds.Lose => DealForms.Lose(deal, company.Value, state, language),
        DealActionIds.Log => DealForms.Log(deal, state, language),
        DealActionIds.PushPick or DealActionIds.PushForm => DealForms.Push(deal, clock.Today, state, language),
        _ => DealForms.Update(deal, company.Value, state, language),
    };

    private static Reply NotFound(string language, string dealId) =>
        DealReplies.Refused(Texts.Get(language, nameof(Catalog.DealNotFoundTitle)), Texts.Get(language, nameof(Catalog.DealNotFound), dealId));

    private static Reply Refused(string language, string titleKey, string textKey) =>
        DealReplies.Refused(Texts.Get(language, titleKey), Texts.Get(language, textKey));

    private static DealCommand Command(DealCommandKind kind, ReplyFormState state, string key, int? userId, ChangeChannel channel, string language) => new()
    {
        Language = language,
        Kind = kind,
        DealId = state.RecordId,
        ExpectedVersion = state.Version,
        IdempotencyKey = key,
        UserId = userId,
        Channel = channel,
    };
}
