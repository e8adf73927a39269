using Microsoft.EntityFrameworkCore;
using RevBot.Core.Company;
using RevBot.Core.Domain;
using RevBot.Core.Storage;

namespace RevBot.Core.Alerts.Delivery;

/// <summary>
/// A delivering scan, in one transaction: detect (<see cref="AlertScanner"/>), record one alert per (subject, reason)
/// (existing ones only get <c>last_seen_at</c>, set-based per batch), resolve what the scan no longer sees, reopen
/// alerts whose snooze ended, then route what is new and write its outbox messages, each in its reader's language
/// (the scan's own language only writes the stored reasons' plain text). A crash anywhere rolls all of it
/// back; a commit means each new alert is recorded and enqueued exactly once. On PostgreSQL an advisory lock keeps a
/// second instance from scanning at the same time.
/// </summary>
public sealed class AlertDelivery(RevBotDb db, AlertScanner scanner, AlertRouter router, CompanyClock clock)
{
    private const int Batch = 500;

    /// <param name="minimumGap">Skip when a scan started less than this long ago (the scheduler's interval); null always scans.</param>
    public async Task<AlertDeliveryResult> RunAsync(AlertScanRequest request, TimeSpan? minimumGap, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = clock.UtcNow;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (!await AlertScanLock.TryTakeAsync(db, ct)) return AlertDeliveryResult.Skip;
        if (minimumGap is { } gap && await db.AlertScanRuns.AnyAsync(r => r.StartedAt > now - gap, ct)) return AlertDeliveryResult.Skip;

        var (found, added) = (0, 0);
        var batch = new List<AlertFinding>(Batch);
        await foreach (var finding in scanner.ScanAsync(request, ct))
        {
            found++;
            batch.Add(finding);
            if (batch.Count < Batch) continue;
            added += await UpsertAsync(batch, now, ct);
            batch.Clear();
        }
        added += await UpsertAsync(batch, now, ct);

        var resolved = await db.Alerts.Where(a => a.State != AlertState.Resolved && a.LastSeenAt < now)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.State, AlertState.Resolved).SetProperty(a => a.ResolvedAt, now), ct);
        // What was resolved is not worth a message still waiting to go (a direct message held through quiet hours).
        if (resolved > 0) await AlertStaleMessages.DropAsync(db, ct);
        // A snooze that ended on a reason that is still there: deliver it again, as if new.
        var woke = await db.Alerts.Where(a => a.State == AlertState.Snoozed && a.SnoozedUntil <= now)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.State, AlertState.Open).SetProperty(a => a.SnoozedUntil, (DateTime?)null)
                .SetProperty(a => a.NotifiedAt, (DateTime?)null).SetProperty(a => a.Version, a => a.Version + 1), ct);

        var messages = await router.RouteAsync(now, ct);
        await db.Alerts.Where(a => a.State == AlertState.Open && a.NotifiedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.NotifiedAt, now), ct);
        db.AlertScanRuns.Add(new AlertScanRun { StartedAt = now, FinishedAt = clock.UtcNow, Found = found, NewAlerts = added + woke, Resolved = resolved, Messages = messages });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return new AlertDeliveryResult(false, found, added + woke, resolved, messages);
    }

    /// <summary>One query finds which (subject, reason) pairs already have a live alert; those are touched in one
    /// UPDATE, the rest inserted. Returns how many were inserted.</summary>
    private async Task<int> UpsertAsync(List<AlertFinding> findings, DateTime now, CancellationToken ct)
    {
        if (findings.Count == 0) return 0;
        var subjects = findings.Select(f => f.SubjectId).Distinct().ToList();
        var live = await db.Alerts.AsNoTracking()
            .Where(a => a.State != AlertState.Resolved && subjects.Contains(a.SubjectId))
            .Select(a => new { a.Id, a.Kind, a.SubjectId, a.ReasonCode, a.Score, a.ReasonData })
            .ToListAsync(ct);
        var known = live.ToDictionary(a => (a.Kind, a.SubjectId, a.ReasonCode));
        var touched = new List<long>();
        // Seen again with another score or other numbers in its reason: stored as now seen, so what reads the stored
        // alerts (the expansion list, StoredExpansion) reads the last scan, not the first.
        var changed = new Dictionary<long, (int? Score, string Reason, string Data)>();
        var added = 0;
        foreach (var f in findings)
        {
            var kind = EnumText.Format(f.Kind);
            foreach (var reason in f.Reasons.DistinctBy(r => r.Code))
            {
                if (known.TryGetValue((kind, f.SubjectId, reason.Code), out var seen))
                {
                    touched.Add(seen.Id);
                    // A row stored before reasons were words keeps the text it was delivered with (AlertLanguageTests).
                    if (seen.ReasonData is not null && reason.Words?.ToJson() is { } data && (seen.Score != f.Score || seen.ReasonData != data))
                        changed[seen.Id] = (f.Score, Fit(reason.Text, 500), data);
                    continue;
                }
                added++;
                db.Alerts.Add(new Alert
                {
                    Kind = kind, SubjectId = f.SubjectId, SubjectName = Fit(f.SubjectName, 300), ReasonCode = reason.Code, Score = f.Score,
                    Reason = Fit(reason.Text, 500), ReasonData = reason.Words?.ToJson(), Recipients = Fit(string.Join(',', f.Recipients), 1000), State = AlertState.Open,
                    FirstSeenAt = now, LastSeenAt = now,
                });
            }
        }
        for (var i = 0; i < touched.Count; i += Batch)
        {
            var ids = touched.GetRange(i, Math.Min(Batch, touched.Count - i));
            await db.Alerts.Where(a => ids.Contains(a.Id)).ExecuteUpdateAsync(s => s.SetProperty(a => a.LastSeenAt, now), ct);
        }
        if (changed.Count > 0)
        {
            var ids = changed.Keys.ToList();
            foreach (var alert in await db.Alerts.Where(a => ids.Contains(a.Id)).ToListAsync(ct))
                (alert.Score, alert.Reason, alert.ReasonData) = changed[alert.Id];
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return added;
    }

    private static string Fit(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
