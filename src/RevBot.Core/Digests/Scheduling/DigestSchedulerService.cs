using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RevBot.Core.Digests.Timing;
using RevBot.Core.Domain;
using RevBot.Core.Metrics;
using RevBot.Core.Storage;

namespace RevBot.Core.Digests.Scheduling;

/// <summary>
/// Posts scheduled digests. Every <see cref="DigestScheduleOptions.Interval"/> (and at start) it asks
/// <see cref="DigestSlotPlanner"/> which slot of each active schedule is due, claims it in the database (so several
/// instances and restarts post each slot once), then builds the claimed digests sharing one <see cref="DigestCache"/>
/// (the same number is queried once per tick) and writes each to the outbox. A missed slot less than 12 hours late is
/// posted once; older ones are claimed as skipped with a log line. A tick that fails is logged and the next one tries
/// again; one failing schedule does not stop the others.
/// </summary>
public sealed partial class DigestSchedulerService(
    IServiceScopeFactory scopes, IOptions<DigestScheduleOptions> options, TimeProvider time, ILogger<DigestSchedulerService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled) return;
        using var timer = new PeriodicTimer(settings.Interval, time);
        try
        {
            do
            {
                try
                {
                    await RunOnceAsync(stoppingToken);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    LogTickFailed(log, DataUnavailable.LevelFor(ex), ex);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping; a digest being built now keeps its claim and is not posted (never twice).
        }
    }

    /// <summary>One tick: claim what is due, build and write it. Returns the slots this instance claimed and what became of each.</summary>
    public async Task<IReadOnlyList<(DueDigest Due, string Outcome)>> RunOnceAsync(CancellationToken ct)
    {
        await CleanImagesAsync(ct);
        await TickKindsAsync(ct);
        var due = await ClaimDueAsync(ct);
        if (due.Count == 0) return [];
        var cache = new DigestCache();
        cache.Expect(due.Select(d => (IReadOnlyDictionary<Dimension, string>)DigestPoster.Filters(d.Schedule)));
        var results = new System.Collections.Concurrent.ConcurrentBag<(DueDigest, string)>();
        await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = options.Value.Parallelism, CancellationToken = ct }, async (item, token) =>
        {
            await using var scope = scopes.CreateAsyncScope();
            try
            {
                var other = scope.ServiceProvider.GetServices<IScheduledKind>().FirstOrDefault(k => k.Kind == item.Schedule.Kind);
                var outcome = other is null
                    ? await scope.ServiceProvider.GetRequiredService<DigestPoster>().PostAsync(item, cache, token)
                    : await other.PostAsync(item, token);
                if (other is not null) await DigestSlotClaims.SetOutcomeAsync(scope.ServiceProvider.GetRequiredService<RevBotDb>(), item.Schedule.Id, item.Slot, outcome, token);
                results.Add((item, outcome));
            }
            catch (Exception ex) when (!token.IsCancellationRequested)
            {
                // Even the failure message could not be written (the database is away): the slot stays claimed, not posted.
                LogPostFailed(log, ex, item.Schedule.Id, item.Slot);
                results.Add((item, DigestSlotOutcomes.Claimed));
            }
        });
        LogTick(log, due.Count, cache.Queries, cache.Hits);
        return [.. results];
    }

    private async Task<List<DueDigest>> ClaimDueAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RevBotDb>();
        var planner = new DigestSlotPlanner(time);
        var now = time.GetUtcNow().UtcDateTime;
        var claims = db.DigestSlotClaims; // named through a local: expression trees cannot hold extension properties
        var schedules = await db.DigestSchedules.AsNoTracking().Where(s => s.Active)
            .Select(s => new { Schedule = s, Last = claims.Where(c => c.ScheduleId == s.Id).Max(c => (DateTime?)c.SlotAt) })
            .ToListAsync(ct);
        var due = new List<DueDigest>();
        foreach (var row in schedules)
        {
            var s = row.Schedule;
            try
            {
                var zone = TimeZoneInfo.FindSystemTimeZoneById(s.TimeZone);
                var since = Utc(row.Last is { } last && last > s.UpdatedAt ? last : s.UpdatedAt);
                var plan = planner.Plan(s.Cron, zone, since);
                foreach (var skipped in plan.Skipped)
                {
                    if (await DigestSlotClaims.TryClaimAsync(db, s.Id, skipped.Slot, DigestSlotOutcomes.Skipped, now, ct))
                        LogSkipped(log, s.Id, s.Kind, EnumText.Format(s.Platform), s.ChannelId, skipped.Reason);
                }
                if (plan.Post is { } slot && await DigestSlotClaims.TryClaimAsync(db, s.Id, slot, DigestSlotOutcomes.Claimed, now, ct))
                    due.Add(new DueDigest(s, slot));
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                LogPlanFailed(log, DataUnavailable.LevelFor(ex), ex, s.Id);
            }
        }
        return due;
    }

    /// <summary>Each other scheduled kind's between-slot work (<see cref="IScheduledKind.TickAsync"/>); one failing does not stop the others.</summary>
    private async Task TickKindsAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        foreach (var kind in scope.ServiceProvider.GetServices<IScheduledKind>())
        {
            try
            {
                await kind.TickAsync(ct);
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                LogKindFailed(log, DataUnavailable.LevelFor(ex), ex, kind.Kind);
            }
        }
    }

    [LoggerMessage(Message = "Scheduled kind {Kind}: its tick failed; trying again at the next one.")]
    private static partial void LogKindFailed(ILogger logger, LogLevel level, Exception ex, string kind);

    private DateTimeOffset _imagesCleaned = DateTimeOffset.MinValue;

    /// <summary>Expired chart images go at most once an hour: one indexed DELETE, harmless when several instances run it.</summary>
    private async Task CleanImagesAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (now - _imagesCleaned < TimeSpan.FromHours(1)) return;
        _imagesCleaned = now;
        await using var scope = scopes.CreateAsyncScope();
        var deleted = await scope.ServiceProvider.GetRequiredService<Images.ReplyImageStore>().DeleteExpiredAsync(ct);
        if (deleted > 0) LogImagesDeleted(log, deleted);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} expired reply images.")]
    private static partial void LogImagesDeleted(ILogger logger, int count);

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    [LoggerMessage(Level = LogLevel.Information, Message = "Digests: {Count} posted or decided this tick; {Queries} distinct queries, {Hits} answered from the tick's cache.")]
    private static partial void LogTick(ILogger logger, int count, int queries, long hits);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Digest schedule {ScheduleId} ({Kind} for {Platform}:{ChannelId}) skipped a slot: {Reason}.")]
    private static partial void LogSkipped(ILogger logger, long scheduleId, string kind, string platform, string channelId, string reason);

    [LoggerMessage(Message = "Digest schedule {ScheduleId}: planning its next slot failed; trying again next tick.")]
    private static partial void LogPlanFailed(ILogger logger, LogLevel level, Exception ex, long scheduleId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Digest schedule {ScheduleId}, slot {Slot:u}: writing the digest or its failure message failed; the slot stays claimed and is not posted.")]
    private static partial void LogPostFailed(ILogger logger, Exception ex, long scheduleId, DateTimeOffset slot);

    [LoggerMessage(Message = "The digest scheduler's tick failed; trying again at the next one.")]
    private static partial void LogTickFailed(ILogger logger, LogLevel level, Exception ex);
}
