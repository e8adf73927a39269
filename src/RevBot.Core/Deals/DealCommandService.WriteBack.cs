using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using RevBot.Core.Deals.WriteBack;
using RevBot.Core.Localization;
using RevBot.Core.Sources;

namespace RevBot.Core.Deals;

/// <summary>
/// The first attempt of a synced deal's CRM write, right after the change committed. Written: the confirmation as
/// usual. No answer yet: the confirmation says the CRM gets it when it answers. Refused, conflict or gone: the write-back
/// already undid the change locally (the CRM owns the record), so the person gets the CRM's field errors (Invalid), its
/// current values (Stale) or "deleted there" (NotFound) instead; the applied-command row keeps that answer, so a twin
/// delivery of the same press hears the same.
/// </summary>
public sealed partial class DealCommandService
{
    private async Task<DealCommandResult> WriteBackAsync(DealCommand command, CrmWrite write, DealCommandResult applied, CancellationToken ct)
    {
        var language = command.Language;
        var crm = CrmNames.Of(write.System, language);
        var answer = writeNow.FirstOrDefault() is { } now ? await now.TryNowAsync(write.Id, ct) : CrmWriteAnswer.Pending;
        if (answer.Outcome == CrmWriteOutcome.Written) return applied with { Crm = CrmWriteOutcome.Written };
        if (answer.Outcome == CrmWriteOutcome.Pending)
            return applied with { Crm = CrmWriteOutcome.Pending, Note = Texts.Get(language, nameof(Catalog.CrmWritePending), crm) };

        var version = await db.Deals.AsNoTracking().Where(d => d.Id == command.DealId).Select(d => (int?)d.Version).FirstOrDefaultAsync(ct);
        var result = answer.Outcome switch
        {
            CrmWriteOutcome.Refused => new DealCommandResult
            {
                Status = DealCommandStatus.Invalid,
                Message = Texts.Get(language, nameof(Catalog.CrmWriteRefused), crm, CrmNames.Errors(answer.FieldErrors, language)),
                Errors = (answer.FieldErrors ?? new Dictionary<string, string>()).ToDictionary(e => CrmFields.DealField(e.Key), e => CrmOwnError.Read(e.Value, language), StringComparer.Ordinal),
            },
            CrmWriteOutcome.Conflict => new DealCommandResult { Status = DealCommandStatus.Stale, Message = Texts.Get(language, nameof(Catalog.CrmWriteConflict), crm) },
            _ => new DealCommandResult { Status = DealCommandStatus.NotFound, Message = Texts.Get(language, nameof(Catalog.CrmWriteGone), crm) },
        };
        result = result with { Version = version, Crm = answer.Outcome, ActorName = applied.ActorName };
        LogCrmAnswered(command.DealId, answer.Outcome);
        await db.AppliedCommands.Where(c => c.Key == command.IdempotencyKey)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Outcome, StoredOutcome.Write(result)), ct);
        return result;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deal {DealId}: the CRM answered the change's first write with {Outcome}; the change was undone locally.")]
    private partial void LogCrmAnswered(string dealId, CrmWriteOutcome outcome);
}
