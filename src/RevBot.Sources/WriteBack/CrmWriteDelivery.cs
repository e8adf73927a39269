using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RevBot.Core.Deals.WriteBack;
using RevBot.Core.Domain;
using RevBot.Core.Outbox;
using RevBot.Core.Sources;
using RevBot.Core.Storage;
using RevBot.Sources.Sync;

namespace RevBot.Sources.WriteBack;

/// <summary>
/// Sends one claimed write through the <see cref="ICrmWriter"/> of its system, in its own DI scope, and records the
/// answer (<see cref="CrmWriteRecorder"/>): written; retry after the backoff (the CRM's Retry-After honoured); or
/// conflict, refused, gone, which undo the change locally and tell the requester. A conflict whose current values are
/// exactly the ones being written is this very write made before (an instance died after the CRM took it and before it
/// was recorded): it counts as written. A missing writer or one that throws is a passing failure, logged and retried.
/// </summary>
internal sealed partial class CrmWriteDelivery(IServiceScopeFactory scopes, CrmWriteOptions options, TimeProvider time, ILogger log)
{
    /// <returns>The answer as recorded, or Pending when it is to be retried or could not be recorded.</returns>
    public async Task<CrmWriteAnswer> SendAsync(CrmWrite row, InlineWait? waiter, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RevBotDb>();
        if (ct.IsCancellationRequested)
        {
            await ReleaseAsync(db, row);
            return CrmWriteAnswer.Pending;
        }
        CrmWriteResult result;
        try
        {
            result = await TrySendAsync(row, scope.ServiceProvider, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return CrmWriteAnswer.Pending; // Stopping mid-send: it may have been written, so it is due again after its lease.
        }
        try
        {
            return await RecordAsync(scope.ServiceProvider, row, result, waiter, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // A person changed the deal while the undo was being written: once more, on the deal as it is now.
            await using var again = scopes.CreateAsyncScope();
            return await TryRecordAsync(again.ServiceProvider, row, result, waiter, ct);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            LogRecordFailed(log, ex, row.Id, result.Status);
            return CrmWriteAnswer.Pending;
        }
    }

    private async Task<CrmWriteAnswer> TryRecordAsync(IServiceProvider services, CrmWrite row, CrmWriteResult result, InlineWait? waiter, CancellationToken ct)
    {
        try
        {
            return await RecordAsync(services, row, result, waiter, ct);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            // Not recorded: the row is due again when its lease ends, and the CRM answers again then.
            LogRecordFailed(log, ex, row.Id, result.Status);
            return CrmWriteAnswer.Pending;
        }
    }

    private async Task<CrmWriteResult> TrySendAsync(CrmWrite row, IServiceProvider services, CancellationToken ct)
    {
        var system = EnumText.Format(row.System);
        var writer = services.GetServices<ICrmWriter>().LastOrDefault(w => w.System == row.System);
        if (writer is null)
        {
            LogNoWriter(log, row.Id, system);
            return new CrmWriteResult(CrmWriteStatus.Retry, Error: $"No writer for '{system}' is registered: is Sources:{row.System}:Enabled true?");
        }
        if (!SourceIds.TryParse(row.DealId, out _, out var externalId))
            return new CrmWriteResult(CrmWriteStatus.Gone, Error: $"'{row.DealId}' is not a synced deal's id.");
        var changes = CrmWriteChanges.Read(row.Changes);
        var activity = changes.Activity is { } a ? new CrmActivity(a.Type, a.Subject, a.OccurredAt, a.OwnerEmail) : null;
        var write = new CrmDealWrite(externalId, changes.Fields, row.ExpectedModifiedAt, activity);
        try
        {
            var result = await writer.WriteDealAsync(write, ct);
            return result.Status == CrmWriteStatus.Conflict && IsOwnWrite(changes, result) ? result with { Status = CrmWriteStatus.Written } : result;
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            LogWriterThrew(log, ex, row.Id, system);
            return new CrmWriteResult(CrmWriteStatus.Retry, Error: $"{ex.GetType().Name}: {ex.Message}");
        }
    }

    /// <summary>The CRM already holds every value this write sets: an earlier attempt of it got through.</summary>
    private static bool IsOwnWrite(CrmWriteChanges changes, CrmWriteResult result) =>
        changes.Fields.Count > 0 && changes.Activity is null && result.Current is { } current
        && changes.Fields.All(f => current.TryGetValue(f.Key, out var now) && CrmFields.Same(f.Key, f.Value, now));

    private async Task<CrmWriteAnswer> RecordAsync(IServiceProvider services, CrmWrite row, CrmWriteResult result, InlineWait? waiter, CancellationToken ct)
    {
        var recorder = services.GetRequiredService<CrmWriteRecorder>();
        var system = EnumText.Format(row.System);
        switch (result.Status)
        {
            case CrmWriteStatus.Written:
                if (!await recorder.WrittenAsync(row, result.ModifiedAt, ct)) return LeaseLost(row, system);
                LogWritten(log, row.Id, row.DealId, system, row.Attempts);
                return new CrmWriteAnswer(CrmWriteOutcome.Written);
            case CrmWriteStatus.Retry:
                var at = time.GetUtcNow().UtcDateTime + Backoff(row.Attempts, result.RetryAfter);
                var db = services.GetRequiredService<RevBotDb>();
                if (await CrmWriteClaims.RetryAtAsync(db, row, at, result.Error ?? "retry later", ct) == 0) return LeaseLost(row, system);
                LogRetrying(log, row.Id, row.DealId, system, row.Attempts, result.Error, at);
                return CrmWriteAnswer.Pending;
            default:
                var outcome = result.Status switch
                {
                    CrmWriteStatus.Conflict => CrmWriteOutcome.Conflict,
                    CrmWriteStatus.Refused => CrmWriteOutcome.Refused,
                    _ => CrmWriteOutcome.Gone,
                };
                var rejection = new CrmWriteRejection(outcome, result.Error ?? EnumText.Format(outcome), result.Current, result.ModifiedAt, result.FieldErrors);
                var tell = waiter is null || !waiter.TryAnswer();
                if (!await recorder.RejectedAsync(row, rejection, tell, ct)) return LeaseLost(row, system);
                LogRejected(log, row.Id, row.DealId, system, outcome, result.Error);
                return new CrmWriteAnswer(outcome, result.FieldErrors);
        }
    }

#pragma warning disable CA5394 // Jitter spreads retries; it needs no cryptographic randomness.
    private TimeSpan Backoff(int attempts, TimeSpan? retryAfter) =>
        OutboxBackoff.Delay(options.FirstBackoff, options.MaxBackoff, attempts, retryAfter, Random.Shared.NextDouble());
#pragma warning restore CA5394

    private CrmWriteAnswer LeaseLost(CrmWrite row, string system)
    {
        LogLeaseLost(log, row.Id, system);
        return CrmWriteAnswer.Pending;
    }

    private async Task ReleaseAsync(RevBotDb db, CrmWrite row)
    {
        try
        {
            // Not the stopping token: giving the row back is what a stop needs; it takes one short statement.
            await CrmWriteClaims.ReleaseAsync(db, row, time.GetUtcNow().UtcDateTime, CancellationToken.None);
        }
#pragma warning disable CA1031 // A row not given back is due again after its lease: late, not lost.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogReleaseFailed(log, ex, row.Id);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "CRM write {Id} ({DealId}) written to {System} on attempt {Attempt}.")]
    private static partial void LogWritten(ILogger logger, long id, string dealId, string system, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "CRM write {Id} ({DealId}) to {System}: attempt {Attempt} failed ({Error}); retrying at {At:u}.")]
    private static partial void LogRetrying(ILogger logger, long id, string dealId, string system, int attempt, string? error, DateTime at);

    [LoggerMessage(Level = LogLevel.Information, Message = "CRM write {Id} ({DealId}): {System} answered {Outcome} ({Error}); the change was undone locally.")]
    private static partial void LogRejected(ILogger logger, long id, string dealId, string system, CrmWriteOutcome outcome, string? error);

    [LoggerMessage(Level = LogLevel.Error, Message = "CRM write {Id}: no writer for '{System}' is registered (is it enabled?); retrying later.")]
    private static partial void LogNoWriter(ILogger logger, long id, string system);

    [LoggerMessage(Level = LogLevel.Error, Message = "CRM write {Id}: the {System} writer threw; retrying later.")]
    private static partial void LogWriterThrew(ILogger logger, Exception exception, long id, string system);

    [LoggerMessage(Level = LogLevel.Error, Message = "CRM write {Id}: recording the answer ({Status}) failed; the write is due again when its lease ends.")]
    private static partial void LogRecordFailed(ILogger logger, Exception exception, long id, CrmWriteStatus status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "CRM write {Id} ({System}): the lease ran out and another claim took the row; this answer was not recorded.")]
    private static partial void LogLeaseLost(ILogger logger, long id, string system);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Giving back claimed CRM write {Id} failed; it is due again when its lease ends.")]
    private static partial void LogReleaseFailed(ILogger logger, Exception exception, long id);
}
