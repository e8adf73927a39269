using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using RevBot.Core.Domain;
using RevBot.Core.Localization;
using RevBot.Core.Outbox;
using RevBot.Core.Storage;

namespace RevBot.Core.Deals;

/// <summary>Saving with the applied-command key, losing a race gracefully, and the outcomes a command can have.</summary>
public sealed partial class DealCommandService
{
    private async Task<DealCommandResult> SaveAsync(DealCommand command, string kind, User actor, DealCommandResult result, CancellationToken ct)
    {
        CommandGate.Record(db, command.IdempotencyKey, kind, command.DealId, actor, clock.UtcNow, StoredOutcome.Write(result));
        try
        {
            await db.SaveChangesAsync(ct);
            if (db.Database.CurrentTransaction is { } transaction) await transaction.CommitAsync(ct);
            LogApplied(command.DealId, kind, command.Channel);
            return result;
        }
        catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || IsRace(ex))
        {
            // Lost a race: another transaction changed the deal first (the version check matched no row), or a retry
            // of this very submission committed first (the key's primary key). Nothing of ours was saved.
            if (db.Database.CurrentTransaction is { } transaction) await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return await LostRaceAsync(command, ct);
        }
    }

    /// <summary>
    /// A duplicate on the rows a command writes besides the deal (its key, audit, outbox, and what the listeners add,
    /// such as a hand-off): only a concurrent command can have put it there, so it is answered like a lost version
    /// check. Other errors are not races.
    /// </summary>
    private bool IsRace(DbUpdateException ex) =>
        UniqueViolations.IsOn(ex, db.Model, [typeof(AppliedCommand), typeof(AuditEntry), typeof(OutboxMessage), .. listeners.SelectMany(l => l.Writes), .. GateWrites]);

    /// <summary>The command arrived second: the first outcome if it was this same command, else "stale" with what changed.</summary>
    private async Task<DealCommandResult> LostRaceAsync(DealCommand command, CancellationToken ct)
    {
        if (await ReplayAsync(command.IdempotencyKey, ct) is { } replay) return replay;
        LogLostRace(command.DealId, command.ExpectedVersion);
        return await StaleAsync(command.DealId, command.ExpectedVersion, command.Language, ct);
    }

    private async Task<DealCommandResult?> ReplayAsync(string key, CancellationToken ct)
    {
        var outcome = await CommandGate.StoredOutcomeAsync(db, key, ct);
        return outcome is null ? null : StoredOutcome.Read(outcome);
    }

    private async Task<DealCommandResult> StaleAsync(string dealId, int expected, string language, CancellationToken ct)
    {
        var version = await db.Deals.AsNoTracking().Where(d => d.Id == dealId).Select(d => d.Version).FirstOrDefaultAsync(ct);
        var since = await DealHistory.SinceAsync(db, dealId, expected, ct);
        return new DealCommandResult
        {
            Status = DealCommandStatus.Stale,
            Message = Texts.Get(language, nameof(Catalog.DealStale)),
            Version = version,
            ChangedSince = since,
        };
    }

    private static DealCommandResult Invalid(IReadOnlyDictionary<string, string> errors, int version, string language) => new()
    {
        Status = DealCommandStatus.Invalid,
        Message = errors.Count == 1 ? errors.Values.First() : Texts.Get(language, nameof(Catalog.DealFixValues), string.Join(" ", errors.Values)),
        Errors = errors,
        Version = version,
    };

    private static DealCommandResult Fail(DealCommandStatus status, string message, int? version = null) =>
        new() { Status = status, Message = message, Version = version };

    private static DealCommandResult Refused(Refusal refusal, int? version = null) =>
        Fail(refusal.Reason == RefusalReason.UnknownUser ? DealCommandStatus.UnknownUser : DealCommandStatus.Forbidden, refusal.Text, version);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deal {DealId}: {Kind} applied from {Channel}.")]
    private partial void LogApplied(string dealId, string kind, ChangeChannel channel);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deal {DealId}: a concurrent change won; the command based on version {Version} was refused.")]
    private partial void LogLostRace(string dealId, int version);
}
