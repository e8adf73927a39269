using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RevBot.Core.Company;
using RevBot.Core.Domain;
using RevBot.Core.Sources;
using RevBot.Core.Storage;

namespace RevBot.Core.Deals.WriteBack;

/// <summary>
/// Writes a CRM's answer to a claimed <see cref="CrmWrite"/> back, each in one transaction fenced on the claim (the
/// row's id and attempt count, still pending: a write whose lease ran out and was claimed again changes nothing).
/// Written: the row is done and the deal takes the CRM's new last-modified time, without a new version (nothing the
/// person sees changed). Conflict, refused, gone: the CRM owns the record, so the local change is undone (see
/// <see cref="CrmWriteUndo"/>), and the requester is told in a direct message unless they are being answered inline.
/// </summary>
public sealed class CrmWriteRecorder(RevBotDb db, DealCards cards, IEnumerable<IDealStatusListener> listeners, CompanyClock clock)
{
    /// <summary>The row as the claim left it: not done, not failed, not claimed again since.</summary>
    public static IQueryable<CrmWrite> Held(RevBotDb db, CrmWrite claimed)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(claimed);
        return db.CrmWrites.Where(w => w.Id == claimed.Id && w.Attempts == claimed.Attempts && w.DoneAt == null && w.FailedAt == null);
    }

    /// <returns>False when the claim was lost (the lease ran out and another attempt took the row).</returns>
    public async Task<bool> WrittenAsync(CrmWrite claimed, DateTime? modifiedAt, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(claimed);
        var now = clock.UtcNow;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await Held(db, claimed).ExecuteUpdateAsync(s => s.SetProperty(w => w.DoneAt, now).SetProperty(w => w.Outcome, "written").SetProperty(w => w.LastError, (string?)null), ct) == 0)
            return false;
        if (modifiedAt is { } at)
        {
            // The next sync then brings the record back as it is here: no new version, no flip-flop.
            await db.Deals.Where(d => d.Id == claimed.DealId).ExecuteUpdateAsync(s => s.SetProperty(d => d.SourceModifiedAt, at), ct);
            // Later changes of the deal were made on top of this one: their check expects the CRM's time of this write.
            await db.CrmWrites.Where(w => w.DealId == claimed.DealId && w.Id > claimed.Id && w.DoneAt == null && w.FailedAt == null && w.ExpectedModifiedAt != null)
                .ExecuteUpdateAsync(s => s.SetProperty(w => w.ExpectedModifiedAt, at), ct);
        }
        await transaction.CommitAsync(ct);
        return true;
    }

    /// <param name="tellRequester">False while the requester waits for the inline answer (they see it there).</param>
    /// <returns>False when the claim was lost.</returns>
    public async Task<bool> RejectedAsync(CrmWrite claimed, CrmWriteRejection rejection, bool tellRequester, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(claimed);
        ArgumentNullException.ThrowIfNull(rejection);
        var now = clock.UtcNow;
        var outcome = EnumText.Format(rejection.Outcome);
        string? answer = rejection.Outcome switch
        {
            CrmWriteOutcome.Conflict when rejection.Current is { } current => JsonSerializer.Serialize(current),
            CrmWriteOutcome.Refused when rejection.FieldErrors is { } errors => JsonSerializer.Serialize(errors),
            _ => null,
        };
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await Held(db, claimed).ExecuteUpdateAsync(s => s.SetProperty(w => w.FailedAt, now).SetProperty(w => w.Outcome, outcome)
                .SetProperty(w => w.Answer, answer).SetProperty(w => w.LastError, Trim(rejection.Error)), ct) == 0)
            return false;
        var undo = await CrmWriteUndo.UndoAsync(db, listeners, claimed, rejection, now, ct);
        await db.SaveChangesAsync(ct);
        if (tellRequester && claimed.RequestedByUserId is { } userId)
        {
            await CrmWriteNotice.AddAsync(db, cards, claimed, undo, rejection, userId, now, ct);
            await db.SaveChangesAsync(ct);
        }
        await transaction.CommitAsync(ct);
        return true;
    }

    public static string Trim(string? error) => error is null ? "" : error.Length <= 2000 ? error : error[..1999] + "…";
}

/// <summary>A CRM's refusal of a write: its current values (conflict), its field errors (refused), and a short error to keep.</summary>
public sealed record CrmWriteRejection(
    CrmWriteOutcome Outcome,
    string Error,
    IReadOnlyDictionary<string, string?>? Current = null,
    DateTime? ModifiedAt = null,
    IReadOnlyDictionary<string, string>? FieldErrors = null);
