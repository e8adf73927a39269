using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using RevBot.Core.Domain;
using RevBot.Core.Storage;

namespace RevBot.Core.Outbox;

/// <summary>
/// Claims due rows for one dispatcher round with a lease: one statement moves their <c>available_at</c> to the end of
/// the lease and counts the attempt. Only the head of a conversation is claimable: a row is taken only when no earlier
/// row of its conversation (platform, channel, person) is still to send, whether that one waits for a retry, for a
/// quiet-hours morning or is claimed right now. Rows to one place therefore go out in the order they were written,
/// across instances too: "an earlier row is still to send" is read from the snapshot, and a row once sent or failed
/// never becomes unsent again, so a claim can never see a later row as the head while an earlier one is pending.
/// On PostgreSQL the heads are picked <c>FOR UPDATE SKIP LOCKED</c>, so two instances claiming together take disjoint
/// rows and neither waits; the row locks last only for that statement, not for the send. SQLite runs one instance and
/// one round at a time, so the same statement without the lock clause suffices. Every later write is fenced on the
/// attempt count the claim returned: if the lease ran out and another instance claimed the row again, the late writer
/// changes nothing.
/// </summary>
internal static class OutboxClaims
{
    private const string PostgresProvider = "Npgsql.EntityFrameworkCore.PostgreSQL";

    /// <returns>The claimed rows, at most one per conversation, in id order.</returns>
    public static async Task<List<OutboxMessage>> ClaimAsync(RevBotDb db, DateTime now, DateTime leaseEnd, int batchSize, CancellationToken ct)
    {
        // Two anti-joins rather than one with "recipient IS NOT DISTINCT FROM": each probes ix_outbox_messages_conversation
        // with equalities (a channel's rows have no recipient; a person's have an empty channel), which an OR would not.
        // SQLite runs one dispatcher at a time and has no row locks: the same statement without the lock clause.
        var lockClause = IsPostgres(db) ? "FOR UPDATE OF o SKIP LOCKED" : "";
        var sql = FormattableStringFactory.Create($$"""
            WITH due AS (
                SELECT o.id FROM outbox_messages o
                WHERE o.sent_at IS NULL AND o.failed_at IS NULL AND o.available_at <= {0}
                  AND NOT EXISTS (SELECT 1 FROM outbox_messages e
                      WHERE e.sent_at IS NULL AND e.failed_at IS NULL AND e.platform = o.platform
                        AND e.channel_id = o.channel_id AND e.recipient_user_id = o.recipient_user_id AND e.id < o.id)
                  AND NOT EXISTS (SELECT 1 FROM outbox_messages e
                      WHERE e.sent_at IS NULL AND e.failed_at IS NULL AND e.platform = o.platform
                        AND e.channel_id = o.channel_id AND e.recipient_user_id IS NULL AND o.recipient_user_id IS NULL AND e.id < o.id)
                ORDER BY o.available_at, o.id
                LIMIT {2}
                {{lockClause}})
            UPDATE outbox_messages SET available_at = {1}, attempts = attempts + 1
            WHERE id IN (SELECT id FROM due)
            RETURNING id AS "Value"
            """, now, leaseEnd, batchSize);
        var query = db.Database.SqlQuery<long>(sql);
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

    /// <summary>
    /// Moves the later rows of a waiting head's conversation to its retry time, at the latest. They could not be
    /// claimed before it anyway; this keeps them off the due scan, so a long outage with a large backlog does not make
    /// every claim read the whole backlog to find nothing claimable. Rows written after this stay due (and are checked)
    /// until the head's next retry moves them too.
    /// </summary>
    public static Task<int> HoldBehindAsync(RevBotDb db, OutboxMessage head, DateTime at, CancellationToken ct)
    {
        // Equalities only (no "recipient = @r OR both null"), so the conversation index serves it.
        var later = db.Outbox.Where(m => m.SentAt == null && m.FailedAt == null && m.Platform == head.Platform && m.ChannelId == head.ChannelId
            && m.Id > head.Id && m.AvailableAt < at);
        later = head.RecipientUserId is { } person ? later.Where(m => m.RecipientUserId == person) : later.Where(m => m.RecipientUserId == null);
        return later.ExecuteUpdateAsync(s => s.SetProperty(m => m.AvailableAt, at), ct);
    }

    public static Task<int> MarkFailedAsync(RevBotDb db, OutboxMessage claimed, bool gone, string error, DateTime now, CancellationToken ct) =>
        Held(db, claimed).ExecuteUpdateAsync(s => s.SetProperty(m => m.FailedAt, now).SetProperty(m => m.Gone, gone).SetProperty(m => m.LastError, Trim(error)), ct);

    /// <summary>Gives back a claimed row that was not tried (the host is stopping): the attempt is not counted.</summary>
    public static Task<int> ReleaseAsync(RevBotDb db, OutboxMessage claimed, DateTime at, CancellationToken ct) =>
        Held(db, claimed).ExecuteUpdateAsync(s => s.SetProperty(m => m.AvailableAt, at).SetProperty(m => m.Attempts, m => m.Attempts - 1), ct);

    private static string Trim(string error) => error.Length <= 2000 ? error : error[..1999] + "…";
}
