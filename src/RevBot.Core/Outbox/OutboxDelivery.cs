using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RevBot.Core.Domain;
using RevBot.Core.Storage;

namespace RevBot.Core.Outbox;

/// <summary>
/// Sends one claimed row (the head of its conversation, see <see cref="OutboxClaims"/>) in its own DI scope, and writes
/// its outcome back: Sent → <c>sent_at</c> and the platform's message id; RetryLater → the retry time from
/// <see cref="OutboxBackoff"/>; Gone → <c>failed_at</c>, <c>gone</c> and every <see cref="IOutboxGoneHandler"/>, in one
/// transaction; Failed → <c>failed_at</c> and an error in the log. A missing sender or a sender that throws is a passing
/// failure: logged, retried. An outcome that cannot be written (the database went away after the send) is kept in
/// <see cref="OutboxUnrecorded"/> and written when the database answers again, so the row is neither sent twice nor held
/// for its whole lease.
/// </summary>
internal sealed partial class OutboxDelivery(IServiceScopeFactory scopes, OutboxOptions options, TimeProvider time, OutboxUnrecorded unrecorded, ILogger log)
{
    public async Task SendAsync(OutboxMessage row, CancellationToken ct)
    {
        if (ct.IsCancellationRequested)
        {
            // Stopping before it was tried: due again at once, the attempt not counted.
            await ReleaseAsync(row, time.GetUtcNow().UtcDateTime);
            return;
        }
        await using var scope = scopes.CreateAsyncScope();
        OutboxSendResult result;
        try
        {
            result = await TrySendAsync(row, scope.ServiceProvider, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return; // Stopping mid-send: it may have been posted, so it is due again only after its lease.
        }
        var outcome = new UnrecordedOutcome(row, result, time.GetUtcNow().UtcDateTime);
        try
        {
            await RecordAsync(scope.ServiceProvider, outcome, ct);
        }
#pragma warning disable CA1031 // The outcome is kept and written when the database answers again; the other rows go on.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogRecordFailed(log, ex, row.Id, result.Status);
            unrecorded.Add(outcome);
        }
    }

    /// <summary>
    /// Writes the outcomes that could not be written when they happened, oldest first. One that still cannot be
    /// written stays for the next round, until its lease ends (then the lease takes over); it never stops the round.
    /// </summary>
    public async Task RecordUnrecordedAsync(CancellationToken ct)
    {
        foreach (var outcome in unrecorded.Snapshot())
        {
            if (time.GetUtcNow().UtcDateTime >= outcome.Row.AvailableAt)
            {
                unrecorded.Remove(outcome);
                LogUnrecordedDropped(log, outcome.Row.Id, outcome.Result.Status);
                continue;
            }
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await RecordAsync(scope.ServiceProvider, outcome, ct);
                unrecorded.Remove(outcome);
                LogRecordedLate(log, outcome.Row.Id, outcome.Result.Status);
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                LogStillUnrecorded(log, outcome.Row.Id, outcome.Result.Status, ex.GetType().Name);
            }
        }
    }

    private async Task RecordAsync(IServiceProvider services, UnrecordedOutcome outcome, CancellationToken ct)
    {
        var (row, result, now) = outcome;
        var db = services.GetRequiredService<RevBotDb>();
        switch (result.Status)
        {
            case OutboxSendStatus.Sent:
                if (await OutboxClaims.MarkSentAsync(db, row, result.MessageId, now, ct) == 0) LogLeaseLost(log, row.Id, EnumText.Format(row.Platform));
                else
                {
                    LogSent(log, row.Id, row.Kind, EnumText.Format(row.Platform), row.Attempts);
                    Telemetry.RevBotMetrics.MessageDelivered(row.Kind.Split('.')[0], row.Platform);
                }
                return;
            case OutboxSendStatus.Gone:
                await MarkGoneAsync(db, services, row, result.Error ?? "gone", now, ct);
                return;
            case OutboxSendStatus.Failed:
                if (await OutboxClaims.MarkFailedAsync(db, row, gone: false, result.Error ?? "failed", now, ct) == 0) LogLeaseLost(log, row.Id, EnumText.Format(row.Platform));
                else LogFailedForGood(log, row.Id, row.Kind, EnumText.Format(row.Platform), Target(row), result.Error);
                return;
            default:
                var at = outcome.RetryAt ??= RetryAt(row, result.RetryAfter, now);
                if (await OutboxClaims.RetryAtAsync(db, row, at, result.Error ?? "retry later", ct) == 0)
                {
                    LogLeaseLost(log, row.Id, EnumText.Format(row.Platform));
                    return;
                }
                LogRetrying(log, row.Id, row.Kind, EnumText.Format(row.Platform), Target(row), row.Attempts, result.Error, at);
                await OutboxClaims.HoldBehindAsync(db, row, at, ct);
                return;
        }
    }

    private async Task<OutboxSendResult> TrySendAsync(OutboxMessage row, IServiceProvider services, CancellationToken ct)
    {
        var sender = services.GetServices<IOutboxSender>().FirstOrDefault(s => s.Platform == row.Platform);
        if (sender is null)
        {
            // The platform may be configured after a restart: keep the row and say why it waits.
            LogNoSender(log, row.Id, EnumText.Format(row.Platform));
            return new OutboxSendResult(OutboxSendStatus.RetryLater, Error: $"No sender for platform '{EnumText.Format(row.Platform)}' is registered: is it configured?");
        }
        Replies.Reply reply;
        try
        {
            reply = ReplyJson.Deserialize(row.Payload);
        }
        catch (System.Text.Json.JsonException ex)
        {
            return new OutboxSendResult(OutboxSendStatus.Failed, Error: $"The payload is not a reply: {ex.Message}");
        }
        try
        {
            return await sender.SendAsync(row, reply, ct);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            LogSenderThrew(log, ex, row.Id, EnumText.Format(row.Platform));
            return new OutboxSendResult(OutboxSendStatus.RetryLater, Error: $"{ex.GetType().Name}: {ex.Message}");
        }
    }

    /// <summary>
    /// The mark and the handlers commit together: if a handler fails, the row is not marked, is retried after the
    /// backoff, and the handlers run again then (they must be idempotent), so none of them misses a gone place.
    /// </summary>
    private async Task MarkGoneAsync(RevBotDb db, IServiceProvider services, OutboxMessage row, string error, DateTime now, CancellationToken ct)
    {
        LogGone(log, row.Id, row.Kind, EnumText.Format(row.Platform), Target(row), error);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (await OutboxClaims.MarkFailedAsync(db, row, gone: true, error, now, ct) == 0)
            {
                LogLeaseLost(log, row.Id, EnumText.Format(row.Platform));
                return;
            }
            foreach (var handler in services.GetServices<IOutboxGoneHandler>()) await handler.OnGoneAsync(row, ct);
            await transaction.CommitAsync(ct);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested && !DataUnavailable.Is(ex))
        {
            LogGoneHandlerFailed(log, ex, row.Id);
            db.ChangeTracker.Clear();
            var at = RetryAt(row, null, now);
            await OutboxClaims.RetryAtAsync(db, row, at, $"gone ({error}), but a gone handler failed: {ex.GetType().Name}: {ex.Message}", ct);
        }
    }

    private async Task ReleaseAsync(OutboxMessage row, DateTime at)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            // Not the host's stopping token: giving the row back is what a stop needs; it takes one short statement.
            await OutboxClaims.ReleaseAsync(scope.ServiceProvider.GetRequiredService<RevBotDb>(), row, at, CancellationToken.None);
        }
#pragma warning disable CA1031 // A row not given back is due again after its lease: late, not lost.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogReleaseFailed(log, ex, row.Id);
        }
    }

#pragma warning disable CA5394 // Jitter spreads retries; it needs no cryptographic randomness.
    private DateTime RetryAt(OutboxMessage row, TimeSpan? retryAfter, DateTime now) =>
        now + OutboxBackoff.Delay(options, row.Attempts, retryAfter, Random.Shared.NextDouble());
#pragma warning restore CA5394

    private static string Target(OutboxMessage row) => row.RecipientUserId is { } user ? $"user {user}" : row.ChannelId;

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox {Id} ({Kind}) sent through {Platform} on attempt {Attempt}.")]
    private static partial void LogSent(ILogger logger, long id, string kind, string platform, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox {Id} ({Kind}) to {Platform} {Target}: attempt {Attempt} failed ({Error}); retrying at {At:u}.")]
    private static partial void LogRetrying(ILogger logger, long id, string kind, string platform, string target, int attempt, string? error, DateTime at);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox {Id} ({Kind}) to {Platform} {Target}: the place is gone ({Error}); not retrying.")]
    private static partial void LogGone(ILogger logger, long id, string kind, string platform, string target, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox {Id} ({Kind}) to {Platform} {Target} was refused ({Error}); not retrying.")]
    private static partial void LogFailedForGood(ILogger logger, long id, string kind, string platform, string target, string? error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox {Id}: no sender for platform '{Platform}' is registered (is it configured?); retrying later.")]
    private static partial void LogNoSender(ILogger logger, long id, string platform);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox {Id}: the {Platform} sender threw; retrying later.")]
    private static partial void LogSenderThrew(ILogger logger, Exception exception, long id, string platform);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox {Id}: a gone handler failed; the row is retried and the handlers run again.")]
    private static partial void LogGoneHandlerFailed(ILogger logger, Exception exception, long id);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox {Id}: recording the outcome ({Status}) failed; it is written when the database answers again.")]
    private static partial void LogRecordFailed(ILogger logger, Exception exception, long id, OutboxSendStatus status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox {Id}: the outcome ({Status}) that could not be written before is recorded now.")]
    private static partial void LogRecordedLate(ILogger logger, long id, OutboxSendStatus status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox {Id}: the outcome ({Status}) still cannot be written ({Error}); trying again next round.")]
    private static partial void LogStillUnrecorded(ILogger logger, long id, OutboxSendStatus status, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox {Id}: the outcome ({Status}) was never written and the lease has ended; the row is due again.")]
    private static partial void LogUnrecordedDropped(ILogger logger, long id, OutboxSendStatus status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox {Id} ({Platform}): the lease ran out and another claim took the row; this outcome was not recorded.")]
    private static partial void LogLeaseLost(ILogger logger, long id, string platform);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Giving back claimed outbox row {Id} failed; it is due again when its lease ends.")]
    private static partial void LogReleaseFailed(ILogger logger, Exception exception, long id);
}
