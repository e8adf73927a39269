using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RevBot.Core.Domain;
using RevBot.Core.Sources;
using RevBot.Core.Storage;
using RevBot.Core.Telemetry;
using RevBot.Data.Csv;

namespace RevBot.Sources.Sync;

/// <summary>
/// Runs one sync of one system: takes the system's lock, reads the connector's batches since the stored cursors and
/// imports each one through the CSV importer (same checks, same upsert by id) with its cursor stored in the same
/// transaction, so an interrupted run resumes after the last committed batch without duplicates. Invalid records are
/// skipped and listed with their reasons; a failure ends the run with its error recorded. A dry run imports every
/// batch inside one transaction it rolls back, so its counts are what a real run would have done. With
/// <paramref name="options"/>, a real run that starts or ends a failure streak tells RevOps (<see cref="SyncNotices"/>)
/// in the transaction that records it.
/// </summary>
public sealed partial class SyncRunner(TimeProvider time, ILogger<SyncRunner> log, IOptions<SyncOptions>? options = null)
{
    private const int MaxListedSkips = 200;

    public async Task<SyncOutcome> RunAsync(RevBotDb db, ISourceConnector connector, SyncRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(connector);
        ArgumentNullException.ThrowIfNull(request);
        var system = connector.System;
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            if (!await SyncLock.TryTakeAsync(db, system, ct)) return new SyncOutcome(null);
            try
            {
                return new SyncOutcome(await RunLockedAsync(db, connector, request, ct));
            }
            finally
            {
                await SyncLock.ReleaseAsync(db, system);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<SyncRun> RunLockedAsync(RevBotDb db, ISourceConnector connector, SyncRequest request, CancellationToken ct)
    {
        var system = connector.System;
        var run = new SyncRun { System = system, Full = request.Full, DryRun = request.DryRun, StartedAt = Now() };
        db.SyncRuns.Add(run);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        var tally = new SyncTally();
        var cursors = request.Full
            ? new Dictionary<string, string>()
            : await db.SyncCursors.AsNoTracking().Where(c => c.System == system).ToDictionaryAsync(c => c.Object, c => c.Position, ct);
        await using var dryRun = request.DryRun ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            await foreach (var batch in SyncPrefetch.AheadAsync(token => connector.ReadAsync(cursors, token), ahead: 2, ct))
            {
                // A batch of deals is imported in a transaction of the runner's own (the import joins it), so RevBot's
                // values held for pending write-backs are read and imported under one lock (PendingWrites).
                var deals = PendingWrites.Deals(batch.Rows);
                await using var hold = deals.Count > 0 && db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
                if (deals.Count > 0) await PendingWrites.HoldAsync(db, batch.Rows, deals, ct);
                var result = await CsvImporter.ImportAsync(db, CsvSource.Rows(batch.Rows), new CsvImportOptions
                {
                    SkipInvalid = true,
                    Time = time,
                    Channel = ChangeChannel.Sync,
                    BeforeCommit = batch.Cursor is null ? null : (d, c) => StoreCursorAsync(d, system, batch.Object, batch.Cursor, c),
                }, ct);
                if (hold is not null && result.Succeeded) await hold.CommitAsync(ct);
                tally.Add(batch, result);
                if (!result.Succeeded)
                    throw new SyncFailedException($"{batch.Rows.Name}: {string.Join("; ", result.Errors.Take(3))}");
            }
            run.FinishedAt = Now();
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            // Every failure is recorded (and told), not only the expected ones: a run left unfinished would be neither.
            var expected = e is SyncFailedException or HttpRequestException or TimeoutException or JsonException or TaskCanceledException;
            if (expected) LogFailed(log, EnumText.Format(system), e.Message);
            else LogFailedUnexpectedly(log, DataUnavailable.LevelFor(e), e, EnumText.Format(system));
            run.FinishedAt = Now();
            run.Error = Short(expected ? e.Message : $"{e.GetType().Name}: {e.Message}");
        }
        finally
        {
            if (dryRun is not null) await dryRun.RollbackAsync(CancellationToken.None);
        }
        tally.CopyTo(run, MaxListedSkips);
        db.SyncRuns.Update(run);
        if (options?.Value is { } settings) await SyncNotices.AddAsync(db, run, settings, CancellationToken.None);
        await db.SaveChangesAsync(CancellationToken.None);
        db.ChangeTracker.Clear();
        if (!run.DryRun) RevBotMetrics.SyncFinished(EnumText.Format(system), run.Error is null, run.Read, run.Written, run.Deleted, run.Skipped);
        return run;
    }

    private async Task StoreCursorAsync(RevBotDb db, SourceSystem system, string obj, string position, CancellationToken ct)
    {
        // Set-based: the importer runs this with change detection off, so a tracked cursor's new position would not be saved.
        var now = Now();
        var moved = await db.SyncCursors.Where(c => c.System == system && c.Object == obj)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.Position, position).SetProperty(c => c.UpdatedAt, now), ct);
        if (moved > 0) return;
        db.SyncCursors.Add(new SyncCursor { System = system, Object = obj, Position = position, UpdatedAt = now });
        await db.SaveChangesAsync(ct);
    }

    private DateTime Now() => time.GetUtcNow().UtcDateTime;

    private static string Short(string message) => message.Length <= 500 ? message : message[..500];

    [LoggerMessage(Level = LogLevel.Warning, Message = "The {System} sync failed: {Error}")]
    private static partial void LogFailed(ILogger logger, string system, string error);

    // An unreachable database is a warning (DataUnavailable), anything else a bug to look at.
    [LoggerMessage(Message = "The {System} sync failed unexpectedly; the run records the error.")]
    private static partial void LogFailedUnexpectedly(ILogger logger, LogLevel level, Exception exception, string system);
}
