using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using RevBot.Core.Storage;

namespace RevBot.Data.Storage;

/// <summary>Applies migrations. On PostgreSQL under an advisory lock, so that when several instances start together exactly one migrates.</summary>
public static class DatabaseMigrator
{
    // Arbitrary but fixed: every RevBot instance must use the same key.
    private const long MigrationLockKey = 0x5265_7642_6F74_0001;

    public static async Task MigrateAsync(RevBotDb db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!db.Database.IsNpgsql())
        {
            await db.Database.MigrateAsync(ct);
            return;
        }
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_lock({0})", [MigrationLockKey], ct);
            try
            {
                await db.Database.MigrateAsync(ct);
            }
            finally
            {
                await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_unlock({0})", [MigrationLockKey], CancellationToken.None);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>True when the database answers and every migration this build knows has been applied.</summary>
    public static async Task<DatabaseStatus> CheckAsync(RevBotDb db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        try
        {
            if (!await db.Database.CanConnectAsync(ct)) return new DatabaseStatus(false, 0, "database unreachable");
            var pending = (await db.Database.GetPendingMigrationsAsync(ct)).Count();
            return new DatabaseStatus(true, pending, pending == 0 ? "ok" : $"{pending} migration(s) not applied; run `revbot db migrate`");
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException or TimeoutException)
        {
            return new DatabaseStatus(false, 0, "database unreachable");
        }
    }
}
