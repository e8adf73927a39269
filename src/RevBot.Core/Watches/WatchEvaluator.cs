using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RevBot.Core.Alerts;
using RevBot.Core.Answers;
using RevBot.Core.Company;
using RevBot.Core.Conversation;
using RevBot.Core.Outbox;
using RevBot.Core.Sources;
using RevBot.Core.Storage;

namespace RevBot.Core.Watches;

/// <summary>
/// Checks due watches, one per transaction: the row is claimed <c>FOR UPDATE SKIP LOCKED</c> on PostgreSQL (another
/// instance skips it and takes the next), checked, moved to its next check and, when it fires, its message written to
/// the outbox in the same transaction, so each check happens, and each crossing is told, exactly once. A watch whose
/// check fails is rolled back, its error kept and tried again after <see cref="WatchOptions.RetryAfter"/>.
/// </summary>
public sealed partial class WatchEvaluator(RevBotDb db, AskService ask, WatchDealEvents deals, CompanyClock clock, IOptions<CompanyOptions> company,
    IOptions<WatchOptions> options, ILogger<WatchEvaluator> log)
{
    public const string OutboxKind = "watch.fired";

    /// <summary>Checks every watch due now; returns how many were checked (failed ones included).</summary>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var now = clock.UtcNow;
        await WakeAfterDataAsync(now, ct);
        var checkedCount = 0;
        var failed = new HashSet<long>();
        while (!ct.IsCancellationRequested)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (await ClaimAsync(now, failed, ct) is not { } id) break;
            checkedCount++;
            var watch = await db.Watches.SingleAsync(w => w.Id == id, ct);
            try
            {
                await CheckAsync(watch, now, ct);
                watch.CheckedAt = now;
                watch.NextCheckAt = now + options.Value.CheckEvery;
                (watch.LastError, watch.Failures) = (null, 0);
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                LogFailed(log, ex, id);
                await transaction.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                failed.Add(id);
                var error = ex.Message.Length > 500 ? ex.Message[..499] : ex.Message;
                await db.Watches.Where(w => w.Id == id).ExecuteUpdateAsync(s => s.SetProperty(w => w.LastError, error)
                    .SetProperty(w => w.Failures, w => w.Failures + 1).SetProperty(w => w.NextCheckAt, now + options.Value.RetryAfter), ct);
            }
            db.ChangeTracker.Clear();
        }
        return checkedCount;
    }

    /// <summary>A sync or an alert scan that finished after a watch's last check makes it due now: one UPDATE.</summary>
    private async Task WakeAfterDataAsync(DateTime now, CancellationToken ct)
    {
        var synced = await db.SyncRuns.Where(r => !r.DryRun && r.Error == null && r.FinishedAt != null).MaxAsync(r => r.FinishedAt, ct);
        var scanned = await db.AlertScanRuns.MaxAsync(r => (DateTime?)r.FinishedAt, ct);
        if ((synced > scanned ? synced : scanned ?? synced) is not { } latest) return;
        await db.Watches.Where(w => w.StoppedAt == null && w.NextCheckAt > now && w.CheckedAt != null && w.CheckedAt < latest)
            .ExecuteUpdateAsync(s => s.SetProperty(w => w.NextCheckAt, now), ct);
    }

    private async Task<long?> ClaimAsync(DateTime now, HashSet<long> failed, CancellationToken ct)
    {
        var lockClause = OutboxClaims.IsPostgres(db) ? "FOR UPDATE SKIP LOCKED" : "";
        var skip = failed.Count == 0 ? "" : $"AND id NOT IN ({string.Join(',', failed)})";
        var sql = FormattableStringFactory.Create($$"""
            SELECT id AS "Value" FROM watches
            WHERE stopped_at IS NULL AND next_check_at <= {0} AND (snoozed_until IS NULL OR snoozed_until <= {0}) {{skip}}
            ORDER BY next_check_at, id
            LIMIT 1
            {{lockClause}}
            """, now);
        var ids = await db.Database.SqlQuery<long>(sql).ToListAsync(ct);
        return ids.Count == 0 ? null : ids[0];
    }

    private async Task CheckAsync(Watch watch, DateTime now, CancellationToken ct)
    {
        var spec = JsonSerializer.Deserialize<WatchRequest>(watch.Spec) ?? throw new InvalidOperationException($"Watch {watch.Id} has no spec.");
        var owner = await db.Users.AsNoTracking().SingleAsync(u => u.Id == watch.OwnerUserId, ct);
        if (spec.Kind != WatchKind.Threshold)
        {
            var since = watch.EventsSince ?? watch.CreatedAt;
            if (await deals.FindAsync(spec, owner.Id, since, now, ct) is { Count: > 0 } found)
            {
                Enqueue(watch, WatchMessages.Deals(watch, spec, found, await deals.QuarterLabelAsync(watch.Language, ct), company.Value.Currency), now);
                watch.FiredAt = now;
            }
            watch.EventsSince = now;
            return;
        }
        var answer = await ask.AskAsync(new AskRequest(watch.Question, owner.Email, clock.Today), ct);
        if (!answer.Understood || answer.Value is not { } value)
            throw new InvalidOperationException($"The question \"{watch.Question}\" has no value now: {answer.Text}");
        var step = WatchCrossing.Next(spec.Comparator ?? WatchComparator.Below, spec.Threshold ?? 0, spec.Unit ?? WatchUnit.Number, options.Value.Hysteresis,
            watch.State, watch.Baseline, value);
        if (step.Fires)
        {
            Enqueue(watch, WatchMessages.Crossed(watch, spec, answer, watch.LastValue, watch.Baseline, company.Value.Currency), now);
            watch.FiredAt = now;
        }
        (watch.State, watch.Baseline, watch.LastValue) = (step.State, step.Baseline, value);
    }

    private void Enqueue(Watch watch, Replies.Reply reply, DateTime now) => db.Outbox.Add(new OutboxMessage
    {
        Kind = OutboxKind, Platform = watch.Platform, ChannelId = watch.ChannelId, RecipientUserId = watch.ChannelId.Length == 0 ? watch.OwnerUserId : null,
        Payload = ReplyJson.Serialize(WatchMessages.WithButtons(reply, watch, Guid.NewGuid().ToString("N")[..16]) with { Language = watch.Language }), CreatedAt = now, AvailableAt = now,
    });

    [LoggerMessage(Level = LogLevel.Error, Message = "Checking watch {WatchId} failed; it is tried again later.")]
    private static partial void LogFailed(ILogger logger, Exception exception, long watchId);
}
