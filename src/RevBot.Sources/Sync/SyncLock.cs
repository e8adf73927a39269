using Microsoft.EntityFrameworkCore;
using RevBot.Core.Domain;
using RevBot.Core.Storage;

namespace RevBot.Sources.Sync;

/// <summary>
/// One sync per system at a time across every instance on one PostgreSQL: a session advisory lock held on the run's
/// open connection (a crashed instance's connection closes and frees it). SQLite serves one instance, whose runs of a
/// system the in-process gate keeps apart.
/// </summary>
internal static class SyncLock
{
    /// <summary>"RBsync" followed by the system's number: one key per system, shared by every instance.</summary>
    private const long BaseKey = 0x5242_7379_6E63_0000;

    private static readonly SemaphoreSlim[] Gates = [.. Enum.GetValues<SourceSystem>().Select(_ => new SemaphoreSlim(1, 1))];

    /// <summary>True when this connection now holds the system's lock; false when another run holds it.</summary>
    public static async Task<bool> TryTakeAsync(RevBotDb db, SourceSystem system, CancellationToken ct)
    {
        if (!await Gates[(int)system].WaitAsync(0, ct)) return false;
        if (!db.Database.IsNpgsql()) return true;
        var key = BaseKey + (int)system;
        var taken = await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_lock({key}) AS \"Value\"").ToListAsync(ct);
        if (taken is [true]) return true;
        Gates[(int)system].Release();
        return false;
    }

    public static async Task ReleaseAsync(RevBotDb db, SourceSystem system)
    {
        try
        {
            var key = BaseKey + (int)system;
            if (db.Database.IsNpgsql()) await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({key})", CancellationToken.None);
        }
        finally
        {
            Gates[(int)system].Release();
        }
    }
}
