using Microsoft.EntityFrameworkCore;
using RevBot.Core.Domain;
using RevBot.Core.Storage;

namespace RevBot.Core.Outbox;

/// <summary>
/// Claims due rows for one dispatcher round with a lease: one statement moves their <c>available_at</c> to the end of
/// the lease and counts the attempt. On PostgreSQL the rows are picked <c>FOR UPDATE SKIP LOCKED</c>, so two instances
/// claiming together take disjoint rows and neither waits; the row locks last only for that statement, not for the
/// send. SQLite runs one instance and one round at a time, so the same statement without the lock clause suffices.
/// Every later write is fenced on the attempt count the claim returned: if the lease ran out and another instance
/// claimed the row again, the late writer changes nothing.
/// </summary>
internal static class OutboxClaims
{
    private const string PostgresProvider = "Npgsql.EntityFrameworkCore.PostgreSQL";

    public static async Task<List<OutboxMessage>> ClaimAsync(RevBotDb db, DateTime now, DateTime leaseEnd, int batchSize, CancellationToken ct)
    {
        var query = IsPostgres(db)
            ? db.Database.SqlQuery<long>($"""
                WITH due AS (
                    SELECT id FROM outbox_messages
                    WHERE sent_at IS NULL AND failed_at IS NULL AND available_at <= {now}
                    ORDER BY available_at, id
                    LIMIT {batchSize}
                    FOR UPDATE SKIP LOCKED)
                UPDATE outbox_messages SET available_at = {leaseEnd}, attempts = attempts + 1
                WHERE id IN (SELECT id FROM due)
                RETURNING id AS "Value"
                """)
            : db.Database.SqlQuery<long>($"""
                WITH due AS (
                    SELECT id FROM outbox_messages
                    WHERE sent_at IS NULL AND failed_at IS NULL AND available_at <= {now}
                    ORDER BY available_at, id
                    LIMIT {batchSize})
                UPDATE outbox_messages SET available_at = {leaseEnd}, attempts = attempts + 1
                WHERE id IN (SELECT id FROM due)
                RETURNING id AS "Value"
                """);
        var ids = await query.ToListAsync(ct);
        if (ids.Count == 0) return [];
        return await db.Outbox.AsNoTracking().Where(m => ids.Contains(m.Id)).OrderBy(m => m.Id).ToListAsync(ct);
    }

    public static bool IsPostgres(RevBotDb db) => db.Database.ProviderName == PostgresProvider;

    /// <summary>The row as this claim left it: still unsent, not failed, and not claimed again since.</summary>
    public static IQueryable<OutboxMessage> Held(RevBotDb db, OutboxMessage claimed) =>
        db.Outbox.Where(m => m.Id == claimed.Id && m.Attempts == claimed.Attempts && m.SentAt == null && m.FailedAt == null);

    public static Task<int> MarkSentAsync(RevBotDb db, OutboxMessage claimed, string? messageId, DateTime now, CancellationToken ct) =>
        Held(db, claimed).ExecuteUpdateAsync(s => s.SetProperty(m => m.SentAt, now).SetProperty(m => m.PlatformMessageId, messageId).SetProperty(m => m.LastError, (string?)null), ct);

    public static Task<int> RetryAtAsync(RevBotDb db, OutboxMessage claimed, DateTime at, string error, CancellationToken ct) =>
        Held(db, claimed).ExecuteUpdateAsync(s => s.SetProperty(m => m.AvailableAt, at).SetProperty(m => m.LastError, Trim(error)), ct);

    public static Task<int> MarkFailedAsync(RevBotDb db, OutboxMessage claimed, bool gone, string error, DateTime now, CancellationToken ct) =>
        Held(db, claimed).ExecuteUpdateAsync(s => s.SetProperty(m => m.FailedAt, now).SetProperty(m => m.Gone, gone).SetProperty(m => m.LastError, Trim(error)), ct);

    /// <summary>Gives back a claimed row that was not tried (its conversation was told to wait, or the host is stopping): the attempt is not counted.</summary>
    public static Task<int> ReleaseAsync(RevBotDb db, OutboxMessage claimed, DateTime at, CancellationToken ct) =>
        Held(db, claimed).ExecuteUpdateAsync(s => s.SetProperty(m => m.AvailableAt, at).SetProperty(m => m.Attempts, m => m.Attempts - 1), ct);

    private static string Trim(string error) => error.Length <= 2000 ? error : error[..1999] + "…";
}
