using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using RevBot.Core.Deals.WriteBack;
using RevBot.Core.Sources;
using RevBot.Core.Storage;

namespace RevBot.Sources.WriteBack;

/// <summary>
/// Claims due <c>crm_writes</c> with a lease, as the chat outbox claims its rows (<c>OutboxClaims</c>): one statement
/// moves <c>available_at</c> to the end of the lease and counts the attempt. Only the head of a deal is claimable (no
/// earlier write of the same deal still to send), so a deal's changes reach the CRM in the order they were made and a
/// later one waits for the earlier. On PostgreSQL the heads are picked <c>FOR UPDATE SKIP LOCKED</c>: two instances
/// claiming together take disjoint rows. Every later write is fenced on the attempt count the claim returned
/// (<see cref="CrmWriteRecorder.Held"/>).
/// </summary>
internal static class CrmWriteClaims
{
    private const string PostgresProvider = "Npgsql.EntityFrameworkCore.PostgreSQL";

    /// <param name="onlyId">The one write to claim (the inline first attempt), or null for any due ones.</param>
    public static async Task<List<CrmWrite>> ClaimAsync(RevBotDb db, DateTime now, DateTime leaseEnd, int batchSize, long? onlyId, CancellationToken ct)
    {
        var lockClause = IsPostgres(db) ? "FOR UPDATE OF w SKIP LOCKED" : "";
        var only = onlyId is null ? "" : "AND w.id = {3}";
        var sql = FormattableStringFactory.Create($$"""
            WITH due AS (
                SELECT w.id FROM crm_writes w
                WHERE w.done_at IS NULL AND w.failed_at IS NULL AND w.available_at <= {0} {{only}}
                  AND NOT EXISTS (SELECT 1 FROM crm_writes e
                      WHERE e.deal_id = w.deal_id AND e.done_at IS NULL AND e.failed_at IS NULL AND e.id < w.id)
                ORDER BY w.available_at, w.id
                LIMIT {2}
                {{lockClause}})
            UPDATE crm_writes SET available_at = {1}, attempts = attempts + 1
            WHERE id IN (SELECT id FROM due)
            RETURNING id AS "Value"
            """, now, leaseEnd, batchSize, onlyId ?? 0);
        var ids = await db.Database.SqlQuery<long>(sql).ToListAsync(ct);
        if (ids.Count == 0) return [];
        return await db.CrmWrites.AsNoTracking().Where(w => ids.Contains(w.Id)).OrderBy(w => w.Id).ToListAsync(ct);
    }

    public static bool IsPostgres(RevBotDb db) => db.Database.ProviderName == PostgresProvider;

    public static Task<int> RetryAtAsync(RevBotDb db, CrmWrite claimed, DateTime at, string error, CancellationToken ct) =>
        CrmWriteRecorder.Held(db, claimed).ExecuteUpdateAsync(s => s.SetProperty(w => w.AvailableAt, at).SetProperty(w => w.LastError, CrmWriteRecorder.Trim(error)), ct);

    /// <summary>Gives back a claimed write that was not tried (the host is stopping): the attempt is not counted.</summary>
    public static Task<int> ReleaseAsync(RevBotDb db, CrmWrite claimed, DateTime at, CancellationToken ct) =>
        CrmWriteRecorder.Held(db, claimed).ExecuteUpdateAsync(s => s.SetProperty(w => w.AvailableAt, at).SetProperty(w => w.Attempts, w => w.Attempts - 1), ct);
}
