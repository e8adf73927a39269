using Microsoft.EntityFrameworkCore;
using RevBot.Core.Domain;
using RevBot.Core.Localization;
using RevBot.Core.Storage;

namespace RevBot.Core.Deals;

/// <summary>
/// Creating a deal (an expansion play's "Create expansion deal"): checked like any change (who acts, the fields), then
/// in one transaction the deal (owned by the person acting, version 1), its first stage entry, its audit entry
/// ("create", every field it was given) and the applied-command key. Its id comes with the command, so a second delivery
/// of the same submission is answered from the stored outcome, or loses on the key and is replayed. A deal made here
/// lives in RevBot: it is not written to a CRM.
/// </summary>
public sealed partial class DealCommandService
{
    public const int MaxName = 300;

    private async Task<DealCommandResult> CreateAsync(DealCommand command, User actor, CancellationToken ct)
    {
        var language = command.Language;
        if (command.NewDeal is not { } draft) return Fail(DealCommandStatus.Invalid, Texts.Get(language, nameof(Catalog.DealFormUnknown)));
        var account = await db.Accounts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == draft.AccountId, ct);
        if (account is null) return Fail(DealCommandStatus.NotFound, Texts.Get(language, nameof(Catalog.ExpansionAccountGone)));
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var name = draft.Name.Trim();
        if (name.Length == 0) errors[DealFields.Name] = Texts.Get(language, nameof(Catalog.ExpansionRequiredName));
        else if (name.Length > MaxName) errors[DealFields.Name] = Texts.Get(language, nameof(Catalog.DealSubjectTooLong), MaxName);
        var stages = company.Value.EffectiveStages.Select(s => s.Name).ToList();
        if (!DealInput.TryPick(command.Changes.Stage ?? "", stages, nameof(Catalog.DealPickStage), language, out var stage, out var stageError)) errors[DealFields.Stage] = stageError;
        decimal amount = 0;
        if (string.IsNullOrWhiteSpace(command.Changes.Amount)) errors[DealFields.Amount] = Texts.Get(language, nameof(Catalog.DealRequiredAmount));
        else if (!DealInput.TryAmount(command.Changes.Amount, language, out amount, out var amountError)) errors[DealFields.Amount] = amountError;
        DateOnly close = default;
        if (string.IsNullOrWhiteSpace(command.Changes.CloseDate)) errors[DealFields.CloseDate] = Texts.Get(language, nameof(Catalog.DealCloseDateRequired));
        else if (!DealInput.TryDate(command.Changes.CloseDate, language, out close, out var dateError)) errors[DealFields.CloseDate] = dateError;
        else if (close < clock.Today) errors[DealFields.CloseDate] = Texts.Get(language, nameof(Catalog.DealCloseDatePast), Formats.Date(clock.Today, language, DateStyle.Long));
        if (errors.Count > 0) return Invalid(errors, 0, language);

        var now = clock.UtcNow;
        var deal = new Deal
        {
            Id = command.DealId, Name = name, AccountId = account.Id, OwnerId = actor.Id, Amount = amount, Currency = company.Value.Currency,
            Stage = stage, Status = DealStatus.Open, Type = draft.Type, CreatedAt = now, CloseDate = close, Version = 1,
        };
        db.Deals.Add(deal);
        db.DealStageHistory.Add(new DealStageChange { DealId = deal.Id, Stage = stage, EnteredAt = now });
        db.AuditLog.Add(DealAudit.Entry(deal.Id, actor.Id, command.Channel, "create",
        [
            new DealFieldChange(DealFields.Name, null, name), new DealFieldChange(DealFields.Type, null, EnumText.Format(draft.Type)),
            new DealFieldChange(DealFields.Stage, null, stage), new DealFieldChange(DealFields.Amount, null, amount),
            new DealFieldChange(DealFields.CloseDate, null, close.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
        ], deal.Version, now));
        var result = new DealCommandResult
        {
            Status = DealCommandStatus.Applied, Message = Texts.Get(language, nameof(Catalog.ExpansionDealCreated), actor.Name, name, account.Name),
            Version = deal.Version, ActorName = actor.Name,
        };
        // One SaveChanges writes the deal, its history, audit and applied-command rows together. A twin delivery that got
        // there first holds the deal's id: answered with its outcome, like a lost race on the key.
        try
        {
            return await SaveAsync(command, "deal.create", actor, result, ct);
        }
        catch (DbUpdateException ex) when (UniqueViolations.IsOn(ex, db.Model, [typeof(Deal), typeof(DealStageChange)]))
        {
            db.ChangeTracker.Clear();
            return await ReplayAsync(command.IdempotencyKey, ct) ?? Fail(DealCommandStatus.Invalid, Texts.Get(language, nameof(Catalog.DealFormUnknown)));
        }
    }
}
