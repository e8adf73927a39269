using System.Data.Common;
using Humanizer;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using RevBot.Core.Storage;

namespace RevBot.Data.Storage;

/// <summary>Applies migrations. On PostgreSQL under an advisory lock, so that when several instances start together exactly one migrates.</summary>
public static class DatabaseMigrator
{
    // Arbitrary but fixed: every RevBot instance must use the same key.
    private const long MigrationLockKey = 0x5265_7642_6F74_0001;

    public static Task MigrateAsync(RevBotDb db, CancellationToken ct = default) => MigrateAsync(db, NullLogger.Instance, ct);

    /// <summary>
    /// Applies the pending migrations one at a time as maintenance statements (<see cref="MaintenanceStatements"/>):
    /// untimed, since some fill new columns and rollups from every row, and each one named on <paramref name="log"/> with
    /// how long it took.
    /// </summary>
    public static async Task MigrateAsync(RevBotDb db, ILogger log, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(log);
        if (!db.Database.IsNpgsql())
        {
            await ApplyPendingAsync(db, log, ct);
            return;
        }
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            // Waiting for another instance's migrations is part of migrating: no timeout either.
            await MaintenanceStatements.RunAsync(db, "Waiting for the migration lock", NullLogger.Instance,
                c => db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_lock({0})", [MigrationLockKey], c), ct);
            try
            {
                await ApplyPendingAsync(db, log, ct);
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

    private static async Task ApplyPendingAsync(RevBotDb db, ILogger log, CancellationToken ct)
    {
        var migrator = db.GetService<IMigrator>();
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        foreach (var migration in pending)
            await MaintenanceStatements.RunAsync(db, $"Applying migration {migration}", log, c => migrator.MigrateAsync(migration, c), ct);
    }

    /// <summary>True when the database answers and every migration this build knows has been applied.</summary>
    public static async Task<DatabaseStatus> CheckAsync(RevBotDb db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        try
        {
            if (!await db.Database.CanConnectAsync(ct)) return new DatabaseStatus(false, 0, "database unreachable");
            var pending = (await db.Database.GetPendingMigrationsAsync(ct)).Count();
            return new DatabaseStatus(true, pending, pending == 0 ? "ok" : $"{"migration".ToQuantity(pending)} not applied; run `revbot db migrate`");
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException or TimeoutException)
        {
            return new DatabaseStatus(false, 0, "database unreachable");
        }
    }
}
