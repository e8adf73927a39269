using Microsoft.EntityFrameworkCore;
using RevBot.Core.Domain;
using RevBot.Core.Sources;
using RevBot.Core.Storage;

namespace RevBot.Sources.Sync;

/// <summary>
/// How fresh each enabled system's data is: the age of its last successful real sync, or, while none has succeeded,
/// of its first run (a system failing from the start turns stale too). A system that has never run has no age and is
/// not stale: its first sync is on its way. Read by <c>/readyz</c> and the <c>revbot.sync.age</c> gauge.
/// </summary>
public static class SyncHealth
{
    public static async Task<IReadOnlyList<SyncAge>> ReadAsync(RevBotDb db, SyncOptions options, DateTime now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(options);
        var ages = new List<SyncAge>();
        foreach (var schedule in options.Enabled)
        {
            var runs = db.SyncRuns.AsNoTracking().Where(r => r.System == schedule.System && !r.DryRun);
            // The index on (system, finished_at) answers both.
            var success = await runs.Where(r => r.FinishedAt != null && r.Error == null).MaxAsync(r => r.FinishedAt, ct);
            var since = success ?? await runs.MinAsync(r => (DateTime?)r.StartedAt, ct);
            var age = since is { } s ? now - s : (TimeSpan?)null;
            ages.Add(new SyncAge(schedule.System, success, age is { } a && a < TimeSpan.Zero ? TimeSpan.Zero : age, schedule.EffectiveMaxSyncAge));
        }
        return ages;
    }
}

/// <summary>One system's freshness: stale when its age passed <see cref="MaxAge"/>.</summary>
public sealed record SyncAge(SourceSystem System, DateTime? LastSuccessAt, TimeSpan? Age, TimeSpan MaxAge)
{
    public bool Stale => Age > MaxAge;
}
