using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RevBot.Core.Domain;
using RevBot.Core.Storage;

namespace RevBot.Core.Outbox;

/// <summary>
/// Sends the claimed rows of one conversation, one after another, each in its own DI scope, and writes each outcome
/// back to its row: Sent → <c>sent_at</c> and the platform's message id; RetryLater → the retry time from
/// <see cref="OutboxBackoff"/>, and the conversation's remaining rows wait with it; Gone → <c>failed_at</c>, <c>gone</c>
/// and every <see cref="IOutboxGoneHandler"/>, in one transaction; Failed → <c>failed_at</c> and an error in the log.
/// A missing sender or a sender that throws is a passing failure: logged, retried.
/// </summary>
internal sealed partial class OutboxDelivery(IServiceScopeFactory scopes, OutboxOptions options, TimeProvider time, ILogger log)
{
    public async Task SendInOrderAsync(List<OutboxMessage> rows, CancellationToken ct)
    {
        for (var i = 0; i < rows.Count; i++)
        {
            DateTime? waitUntil;
            try
            {
                ct.ThrowIfCancellationRequested();
                waitUntil = await SendOneAsync(rows[i], ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                // Stopping: this row is due again after its lease (it may have been posted), the rest now.
                await ReleaseAsync(rows.Skip(i + 1), time.GetUtcNow().UtcDateTime);
                return;
            }
#pragma warning disable CA1031 // A row whose outcome could not be recorded stays claimed and is retried after its lease; the others go on.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogRecordFailed(log, ex, rows[i].Id);
                waitUntil = null;
            }
            if (waitUntil is { } at)
            {
                await ReleaseAsync(rows.Skip(i + 1), at);
                return;
            }
        }
    }

    /// <returns>When the conversation may be tried again, if it asked to wait; null to go on with its next row.</returns>
    private async Task<DateTime?> SendOneAsync(OutboxMessage row, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<RevBotDb>();
        var result = await TrySendAsync(row, services, ct);
        var now = time.GetUtcNow().UtcDateTime;
        switch (result.Status)
        {
            case OutboxSendStatus.Sent:
                if (await OutboxClaims.MarkSentAsync(db, row, result.MessageId, now, ct) == 0) LogLeaseLost(log, row.Id, row.Platform);
                else
                {
                    LogSent(log, row.Id, row.Kind, row.Platform, row.Attempts);
                    Telemetry.RevBotMetrics.MessageDelivered(row.Kind.Split('.')[0], row.Platform);
                }
                return null;
            case OutboxSendStatus.Gone:
                await MarkGoneAsync(db, services, row, result.Error ?? "gone", now, ct);
                return null;
            case OutboxSendStatus.Failed:
                LogFailedForGood(log, row.Id, row.Kind, row.Platform, Target(row), result.Error);
                await OutboxClaims.MarkFailedAsync(db, row, gone: false, result.Error ?? "failed", now, ct);
                return null;
            default:
                var at = RetryAt(row, result.RetryAfter, now);
                LogRetrying(log, row.Id, row.Kind, row.Platform, Target(row), row.Attempts, result.Error, at);
                await OutboxClaims.RetryAtAsync(db, row, at, result.Error ?? "retry later", ct);
                return at;
        }
    }

    private async Task<OutboxSendResult> TrySendAsync(OutboxMessage row, IServiceProvider services, CancellationToken ct)
    {
        var sender = services.GetServices<IOutboxSender>().FirstOrDefault(s => string.Equals(s.Platform, row.Platform, StringComparison.Ordinal));
        if (sender is null)
        {
            // The platform may be configured after a restart: keep the row and say why it waits.
            LogNoSender(log, row.Id, row.Platform);
            return new OutboxSendResult(OutboxSendStatus.RetryLater, Error: $"No sender for platform '{row.Platform}' is registered: is it configured?");
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
            LogSenderThrew(log, ex, row.Id, row.Platform);
            return new OutboxSendResult(OutboxSendStatus.RetryLater, Error: $"{ex.GetType().Name}: {ex.Message}");
        }
    }

    /// <summary>
    /// The mark and the handlers commit together: if a handler fails, the row is not marked, is retried after the
    /// backoff, and the handlers run again then (they must be idempotent), so none of them misses a gone place.
    /// </summary>
    private async Task MarkGoneAsync(RevBotDb db, IServiceProvider services, OutboxMessage row, string error, DateTime now, CancellationToken ct)
    {
        LogGone(log, row.Id, row.Kind, row.Platform, Target(row), error);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (await OutboxClaims.MarkFailedAsync(db, row, gone: true, error, now, ct) == 0)
            {
                LogLeaseLost(log, row.Id, row.Platform);
                return;
            }
            foreach (var handler in services.GetServices<IOutboxGoneHandler>()) await handler.OnGoneAsync(row, ct);
            await transaction.CommitAsync(ct);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            LogGoneHandlerFailed(log, ex, row.Id);
            db.ChangeTracker.Clear();
            var at = RetryAt(row, null, now);
            await OutboxClaims.RetryAtAsync(db, row, at, $"gone ({error}), but a gone handler failed: {ex.GetType().Name}: {ex.Message}", ct);
        }
    }

    private async Task ReleaseAsync(IEnumerable<OutboxMessage> rows, DateTime at)
    {
        var rest = rows.ToList();
        if (rest.Count == 0) return;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<RevBotDb>();
            // Not the host's stopping token: giving rows back is what a stop needs; it takes one short statement each.
            foreach (var row in rest) await OutboxClaims.ReleaseAsync(db, row, at, CancellationToken.None);
        }
#pragma warning disable CA1031 // Rows not given back are due again after their lease: late, not lost.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogReleaseFailed(log, ex, rest.Count);
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

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox {Id}: recording the outcome failed; the row is due again when its lease ends.")]
    private static partial void LogRecordFailed(ILogger logger, Exception exception, long id);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox {Id} ({Platform}): the lease ran out and another claim took the row; this outcome was not recorded.")]
    private static partial void LogLeaseLost(ILogger logger, long id, string platform);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Giving back {Count} claimed outbox rows failed; they are due again when their lease ends.")]
    private static partial void LogReleaseFailed(ILogger logger, Exception exception, int count);
}
