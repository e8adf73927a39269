using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using RevBot.Core.Domain;
using RevBot.Core.Storage;

namespace RevBot.Sources.Sync;

/// <summary>
/// One sync per system at a time across every instance on one PostgreSQL: a session advisory lock held on the run's
/// open connection (a crashed instance's connection closes and frees it). SQLite serves one instance, whose runs of a
/// system the in-process gate (per database and system) keeps apart.
/// </summary>
internal static class SyncLock
{
    /// <summary>"RBsync" followed by the system's number: one key per system, shared by every instance.</summary>
    private const long BaseKey = 0x5242_7379_6E63_0000;

    // Per database and system: one process may serve (or test) several databases, each with its own syncs.
    private static readonly ConcurrentDictionary<(string?, SourceSystem), SemaphoreSlim> Gates = new();

    private static SemaphoreSlim Gate(RevBotDb db, SourceSystem system) => Gates.GetOrAdd((db.Database.GetConnectionString(), system), _ => new SemaphoreSlim(1, 1));

    /// <summary>True when this connection now holds the system's lock; false when another run holds it.</summary>
    public static async Task<bool> TryTakeAsync(RevBotDb db, SourceSystem system, CancellationToken ct)
    {
        if (!await Gate(db, system).WaitAsync(0, ct)) return false;
        if (!db.Database.IsNpgsql()) return true;
        var key = KeyOf(system);
        var taken = await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_lock({key}) AS \"Value\"").ToListAsync(ct);
        if (taken is [true]) return true;
        Gate(db, system).Release();
        return false;
    }

    /// <summary>The system's advisory lock key (tests hold it from another session, as another instance would).</summary>
    internal static long KeyOf(SourceSystem system) => BaseKey + (int)system;

    public static async Task ReleaseAsync(RevBotDb db, SourceSystem system)
    {
        try
        {
            var key = KeyOf(system);
            if (db.Database.IsNpgsql()) await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({key})", CancellationToken.None);
        }
        finally
        {
            Gate(db, system).Release();
        }
    }
}
