using Microsoft.EntityFrameworkCore;
using RevBot.Core.Storage;

namespace RevBot.Core.Alerts.Delivery;

/// <summary>
/// One delivering scan at a time across every host on one PostgreSQL: a transaction-scoped advisory lock, released by
/// the commit or rollback (a crashed instance cannot hold it). SQLite is single-instance and its write transaction
/// already serializes scans.
/// </summary>
internal static class AlertScanLock
{
    /// <summary>An arbitrary constant shared by every instance: "RBalerts".</summary>
    private const long Key = 0x5242_616C_6572_7473;

    /// <summary>True when this transaction holds the lock; false when another instance is scanning now.</summary>
    public static async Task<bool> TryTakeAsync(RevBotDb db, CancellationToken ct)
    {
        if (!SqlDialect.For(db.Database).IsPostgres) return true;
        var taken = await db.Database.SqlQueryRaw<bool>($"SELECT pg_try_advisory_xact_lock({Key}) AS \"Value\"").ToListAsync(ct);
        return taken is [true];
    }
}
