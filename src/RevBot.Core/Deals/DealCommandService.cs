using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RevBot.Core.Company;
using RevBot.Core.Deals.WriteBack;
using RevBot.Core.Domain;
using RevBot.Core.Localization;
using RevBot.Core.Sources;
using RevBot.Core.Storage;

namespace RevBot.Core.Deals;

/// <summary>
/// Applies a <see cref="DealCommand"/>: replay check, who is acting, permission, version, validation, then in one
/// transaction the version claim (<c>UPDATE … WHERE version = @expected</c>, first, so of two simultaneous submissions
/// exactly one goes on), the change, its audit entry, stage history, hand-off outbox rows, the CRM write of a synced
/// deal (<see cref="CrmWriteQueue"/>) and the applied-command key. The loser is told what changed ("stale"), never an
/// error. After the commit, a queued CRM write gets its first attempt at once (see DealCommandService.WriteBack.cs).
/// </summary>
public sealed partial class DealCommandService(
    RevBotDb db, IOptions<CompanyOptions> company, IEnumerable<IDealStatusListener> listeners, IEnumerable<IDealChangeGate> gates, IEnumerable<ICrmWriteNow> writeNow, CompanyClock clock,
    ILogger<DealCommandService> log)
{
    public const int MaxKeyLength = 200;

    public async Task<DealCommandResult> ExecuteAsync(DealCommand command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (string.IsNullOrWhiteSpace(command.IdempotencyKey) || command.IdempotencyKey.Length > MaxKeyLength)
            return Fail(DealCommandStatus.Invalid, Texts.Get(command.Language, nameof(Catalog.DealNoIdempotencyKey)));
        if (await ReplayAsync(command.IdempotencyKey, ct) is { } replay) return replay;
        if (await CommandGate.ActorAsync(db, command.UserId, ct) is not { } actor) return Refused(DealPermissions.UnknownDealUser(command.Language));
        if (command.Kind == DealCommandKind.Create) return await CreateAsync(command, actor, ct);
        var deal = await db.Deals.FirstOrDefaultAsync(d => d.Id == command.DealId, ct);
        if (deal is null) return Fail(DealCommandStatus.NotFound, Texts.Get(command.Language, nameof(Catalog.DealNotFound), command.DealId));
        if (await DealPermissions.RefusalAsync(db, actor, deal, command.Language, ct) is { } refusal) return Refused(refusal, deal.Version);
        // Logging an activity overwrites nothing, so it is taken whatever version the card showed.
        // A newer version may be this very command, applied by a twin delivery between the replay check above and the
        // read of the deal: it committed the deal and its applied_commands row together, so look again before "stale".
        if (command.Kind != DealCommandKind.LogActivity && deal.Version != command.ExpectedVersion)
            return await ReplayAsync(command.IdempotencyKey, ct) ?? await StaleAsync(deal.Id, command.ExpectedVersion, command.Language, ct);
        return command.Kind == DealCommandKind.LogActivity
            ? await LogActivityAsync(command, actor, deal, ct)
            : await UpdateAsync(command, actor, deal, ct);
    }

    private async Task<DealCommandResult> UpdateAsync(DealCommand command, User actor, Deal deal, CancellationToken ct)
    {
        var now = clock.UtcNow;
        var plan = DealPlanner.Plan(deal, command, company.Value, clock.Today, now);
        if (!plan.IsValid) return Invalid(plan.Errors, deal.Version, command.Language);
        if (plan.ChangesClosedStatus && DealPermissions.ReopenRefusal(actor, command.Language) is { } refusal) return Refused(refusal, deal.Version);
        var diff = plan.Diff();
        if (diff.Count == 0)
            return new DealCommandResult { Status = DealCommandStatus.Unchanged, Message = Texts.Get(command.Language, nameof(Catalog.DealUnchanged)), Version = deal.Version, ActorName = actor.Name };
        if (command.ApprovedRequestId is null && await HoldAsync(new DealChangeProposal(command, actor, deal, plan.Before, plan.After, now), ct) is { } held) return held;

        // The version is claimed first, on its own, before any other row is written: of racing commands based on the
        // same version exactly one UPDATE matches (the others wait for its row lock, then match nothing) and only that
        // one goes on to insert hand-off, audit and outbox rows. A loser never reaches their unique indexes.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (!await ClaimVersionAsync(deal, command.ExpectedVersion, ct))
        {
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return await LostRaceAsync(command, ct);
        }
        plan.After.ApplyTo(deal);
        db.AuditLog.Add(DealAudit.Entry(deal.Id, actor.Id, command.Channel, plan.Action, diff, deal.Version, now));
        if (plan.After.Stage != plan.Before.Stage)
            db.DealStageHistory.Add(new DealStageChange { DealId = deal.Id, Stage = plan.After.Stage, EnteredAt = now });
        foreach (var listener in listeners) await listener.DealChangedAsync(deal, plan.Before.Status, plan.Before.Stage, now, ct);
        var write = CrmWriteQueue.AddChange(db, deal, plan.Before, plan.After, actor.Id, command.Channel, command.Language, now);
        var message = plan.Action switch
        {
            "won" => Texts.Get(command.Language, nameof(Catalog.DealAppliedWon), actor.Name),
            "lost" => Texts.Get(command.Language, nameof(Catalog.DealAppliedLost), actor.Name),
            "reopen" => Texts.Get(command.Language, nameof(Catalog.DealAppliedReopened), actor.Name),
            _ => Texts.Get(command.Language, nameof(Catalog.DealAppliedUpdated), actor.Name),
        };
        var result = new DealCommandResult { Status = DealCommandStatus.Applied, Message = message, Version = deal.Version, ActorName = actor.Name };
        var saved = await SaveAsync(command, "deal." + plan.Action, actor, result, ct);
        return write is null || saved.Status != DealCommandStatus.Applied ? saved : await WriteBackAsync(command, write, saved, ct);
    }

    /// <summary>
    /// <c>UPDATE deals SET version = v + 1 WHERE id = @id AND version = @v</c>; false when another change got there first.
    /// The tracked deal then carries v + 1 as its original version, so SaveChanges' own concurrency check matches the row
    /// this transaction already holds.
    /// </summary>
    private async Task<bool> ClaimVersionAsync(Deal deal, int expected, CancellationToken ct)
    {
        var claimed = await db.Deals.Where(d => d.Id == deal.Id && d.Version == expected)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Version, expected + 1), ct);
        if (claimed == 0) return false;
        var version = db.Entry(deal).Property(d => d.Version);
        version.CurrentValue = expected + 1;
        version.OriginalValue = expected + 1;
        return true;
    }
}
