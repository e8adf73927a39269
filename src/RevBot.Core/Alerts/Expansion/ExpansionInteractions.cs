using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RevBot.Core.Company;
using RevBot.Core.Deals;
using RevBot.Core.Domain;
using RevBot.Core.Localization;
using RevBot.Core.Replies;
using RevBot.Core.Storage;

namespace RevBot.Core.Alerts;

/// <summary>
/// "Create expansion deal" on an expansion alert: the press opens the deal form prefilled (the account, type expansion,
/// a name, the first stage, a close date 30 days out and the suggested amount, <see cref="ExpansionSuggestion"/>); the
/// submission goes through the deal command path (<see cref="DealCommandKind.Create"/>), which checks the fields, and
/// the reply is the new deal's card. In the presser's language.
/// </summary>
public sealed class ExpansionInteractions(
    RevBotDb db, DealCommandService commands, DealCards cards, IOptions<AlertOptions> options, IOptions<CompanyOptions> company, CompanyClock clock)
{
    public const int CloseInDays = 30;

    public async Task<Reply> PressAsync(string actionId, string accountId, int? userId, string? language, CancellationToken ct)
    {
        var lang = Texts.LanguageOf(language);
        if (actionId != ExpansionActionIds.Create)
            return DealReplies.Refused(Texts.Get(lang, nameof(Catalog.DealNotUnderstoodTitle)), Texts.Get(lang, nameof(Catalog.DealButtonUnknown)));
        if (await CommandGate.ActorAsync(db, userId, ct) is null)
            return DealReplies.Refused(Texts.Get(lang, nameof(Catalog.DealWhoAreYouTitle)), DealPermissions.UnknownDealUser(lang).Text);
        var account = await db.Accounts.AsNoTracking().Where(a => a.Id == accountId)
            .Select(a => new { a.Id, a.Name, Owner = a.Owner != null ? a.Owner.Name : null }).FirstOrDefaultAsync(ct);
        if (account is null) return DealReplies.Refused(Texts.Get(lang, nameof(Catalog.DealNotFoundTitle)), Texts.Get(lang, nameof(Catalog.ExpansionAccountGone)));
        // One play, one deal: a second press after the deal exists says where it is rather than making another.
        var open = await db.Deals.AsNoTracking().Where(d => d.AccountId == accountId && d.Status == DealStatus.Open && d.Type == DealType.Expansion)
            .Select(d => d.Name ?? d.Id).FirstOrDefaultAsync(ct);
        if (open is not null) return DealReplies.Refused(Texts.Get(lang, nameof(Catalog.DealNotChangedTitle)), Texts.Get(lang, nameof(Catalog.ExpansionDealExists), account.Name, open));
        var t = new AlertText(lang, company.Value.Currency, clock.Today);
        var suggestion = await ExpansionSuggestion.ForAsync(db, accountId, options.Value.Expansion, clock.Today, t, ct);
        var owner = account.Owner ?? Texts.Get(lang, nameof(Catalog.AlertNoOwner));
        var intro = suggestion is { } sg
            ? Texts.Get(lang, nameof(Catalog.ExpansionFormIntroSuggested), account.Name, owner, t.Money(sg.Amount), sg.Why)
            : Texts.Get(lang, nameof(Catalog.ExpansionFormIntro), account.Name, owner);
        var state = new ReplyFormState(accountId, 0, DealActionValue.NewNonce(), lang);
        var form = Form(state, lang, intro, company.Value, new Dictionary<string, string?>
        {
            [DealFields.Name] = Texts.Get(lang, nameof(Catalog.ExpansionDealName), account.Name),
            [DealFields.Stage] = company.Value.EffectiveStages[0].Name,
            [DealFields.Amount] = suggestion is { } amount ? DealForms.Number(decimal.Round(amount.Amount)) : null,
            [DealFields.CloseDate] = DealForms.Day(clock.Today.AddDays(CloseInDays)),
        });
        return new Reply { Kind = ReplyKind.Form, Title = form.Title, Text = intro, Form = form };
    }

    public async Task<Reply> SubmitAsync(ReplyFormState state, IReadOnlyDictionary<string, string?> values, int? userId, ChangeChannel channel, string? language, CancellationToken ct)
    {
        var lang = Texts.LanguageOf(language ?? state.Language);
        string? Value(string field) => values.TryGetValue(field, out var v) ? v : null;
        var dealId = $"rb-exp-{state.IdempotencyKey}";
        var command = new DealCommand
        {
            Kind = DealCommandKind.Create, DealId = dealId, ExpectedVersion = 0, IdempotencyKey = $"{ExpansionActionIds.Form}:{state.IdempotencyKey}",
            UserId = userId, Channel = channel, Language = lang,
            NewDeal = new DealDraft(state.RecordId, DealType.Expansion, Value(DealFields.Name) ?? ""),
            Changes = new DealFieldChanges { Stage = Value(DealFields.Stage), Amount = Value(DealFields.Amount), CloseDate = Value(DealFields.CloseDate) },
        };
        var result = await commands.ExecuteAsync(command, ct);
        switch (result.Status)
        {
            case DealCommandStatus.Applied:
                var notice = Texts.Get(lang, nameof(Catalog.DealNoticeJustNow), result.Message.TrimEnd('.'));
                return await cards.CardAsync(dealId, notice, lang, ct) ?? DealReplies.Refused(Texts.Get(lang, nameof(Catalog.ExpansionDealCreatedTitle)), result.Message);
            case DealCommandStatus.Invalid when result.Errors.Count > 0:
                // The same state comes back, so the corrected resubmission is still this one submission (one deal at most).
                var again = DealForms.WithErrors(Form(state, lang, null, company.Value, values), values, result.Errors, result.Message, lang);
                return new Reply { Kind = ReplyKind.Form, Title = again.Title, Text = result.Message, Form = again };
        }
        var title = result.Status switch
        {
            DealCommandStatus.UnknownUser => nameof(Catalog.DealWhoAreYouTitle),
            DealCommandStatus.NotFound => nameof(Catalog.DealNotFoundTitle),
            _ => nameof(Catalog.DealNotChangedTitle),
        };
        return DealReplies.Refused(Texts.Get(lang, title), result.Message);
    }

    /// <summary>The deal form of an expansion play with <paramref name="values"/> in its fields (name, stage, amount, close date).</summary>
    internal static ReplyForm Form(ReplyFormState state, string language, string? intro, CompanyOptions company, IReadOnlyDictionary<string, string?> values)
    {
        string T(string key, params object?[] args) => Texts.Get(language, key, args);
        string? V(string field) => values.TryGetValue(field, out var v) ? v : null;
        return new ReplyForm
        {
            Id = ExpansionActionIds.Form,
            Title = T(nameof(Catalog.ExpansionFormTitle)),
            SubmitLabel = T(nameof(Catalog.ExpansionFormSubmit)),
            Intro = intro,
            State = state,
            Fields =
            [
                new() { Id = DealFields.Name, Label = T(nameof(Catalog.ExpansionFormName)), Kind = ReplyFieldKind.Text, Value = V(DealFields.Name), Required = true, RequiredError = T(nameof(Catalog.ExpansionRequiredName)), MaxLength = DealCommandService.MaxName },
                new()
                {
                    Id = DealFields.Stage, Label = T(nameof(Catalog.DealFormStage)), Kind = ReplyFieldKind.Choice, Value = V(DealFields.Stage), Required = true, RequiredError = T(nameof(Catalog.DealRequiredStage)),
                    Choices = [.. company.EffectiveStages.Select(s => new ReplyChoice(s.Name, s.Name))],
                },
                new() { Id = DealFields.Amount, Label = T(nameof(Catalog.DealFormAmount), company.Currency), Kind = ReplyFieldKind.Number, Value = V(DealFields.Amount), Required = true, RequiredError = T(nameof(Catalog.DealRequiredAmount)), Min = 0, Max = DealInput.MaxAmount },
                new() { Id = DealFields.CloseDate, Label = T(nameof(Catalog.DealFormExpectedClose)), Kind = ReplyFieldKind.Date, Value = V(DealFields.CloseDate), Required = true, RequiredError = T(nameof(Catalog.DealRequiredCloseDate)) },
            ],
        };
    }
}
