using RevBot.Core.Deals;
using RevBot.Core.Metrics.Sql;
using RevBot.Core.Storage;

namespace RevBot.Core.Alerts;

/// <summary>
/// One statement over the open deals that returns only those breaking a stalled rule, biggest first; "in its stage too
/// long" is checked against the stage-norm floor here (no norm is lower) and against the stage's own norm by the
/// caller, so this statement need not wait for the norms. Per deal it reads its entry into the current stage and its
/// last activity from the deal row itself (<see cref="RevBot.Core.Domain.Deal.CurrentStageEnteredAt"/>,
/// <see cref="RevBot.Core.Domain.Deal.LastActivityAt"/>, kept by triggers); only when a stored moment is later than the
/// scan's now (a scan as of a past day) does it probe the history or the activities for the latest one up to now, which
/// is the same answer: the stored value is the latest overall, so when it is not later than now it is the latest up to
/// now. Close-date pushes and amount cuts come from
/// the audit log's JSON changes as deal updates write them (<see cref="DealAudit"/>: <c>{"closeDate": [old, new]}</c>,
/// <c>{"amount": [old, new]}</c>), aggregated per deal.
/// The probed rows are materialized so each probe runs once per deal, not once per expression that reads it.
/// </summary>
internal static class StalledDealQuery
{
    public static IAsyncEnumerable<StalledDealFacts> StreamAsync(RevBotDb db, StalledDealSettings settings, DateOnly today, DateTime nowUtc, CancellationToken ct)
    {
        var p = new SqlParameters(SqlDialect.For(db.Database));
        var dialect = p.Dialect;
        var now = p.Instant(nowUtc);
        var cutFrom = p.Instant(nowUtc.AddDays(-settings.AmountCutWindowDays));
        // The keys and entity are those deal updates write; constants, so they may be part of the SQL text.
        var (close, amount) = (DealFields.CloseDate, DealFields.Amount);
        var (hasClose, hasAmount) = ($"changes LIKE '%\"{close}\"%'", $"changes LIKE '%\"{amount}\"%'");
        var sql = $"""
            WITH pushes AS (
              SELECT deal_id, COUNT(*) AS n FROM (
                SELECT entity_id AS deal_id,
                       CASE WHEN {hasClose} THEN {dialect.ChangeText("changes", close, 0)} END AS old_day,
                       CASE WHEN {hasClose} THEN {dialect.ChangeText("changes", close, 1)} END AS new_day
                FROM audit_log WHERE entity = '{DealAudit.Entity}' AND at <= {now} AND {hasClose}) x
              WHERE new_day > old_day GROUP BY deal_id),
            cuts AS (
              SELECT deal_id, amount_before FROM (
                SELECT entity_id AS deal_id,
                       CASE WHEN {hasAmount} THEN {dialect.ChangeNumber("changes", amount, 0)} END AS amount_before,
                       ROW_NUMBER() OVER (PARTITION BY entity_id ORDER BY at, id) AS rn
                FROM audit_log WHERE entity = '{DealAudit.Entity}' AND at > {cutFrom} AND at <= {now} AND {hasAmount}) x
              WHERE rn = 1),
            o AS MATERIALIZED (
              SELECT d.id, d.name, d.account_id, d.owner_id, d.amount, d.stage, d.close_date, d.created_at,
                     CASE WHEN d.current_stage_entered_at IS NULL OR d.current_stage_entered_at <= {now}
                          THEN COALESCE(d.current_stage_entered_at, d.created_at)
                          ELSE COALESCE((SELECT MAX(h.entered_at) FROM deal_stage_history h
                                         WHERE h.deal_id = d.id AND h.stage = d.stage AND h.entered_at <= {now}), d.created_at) END AS stage_since,
                     CASE WHEN d.last_activity_at IS NULL OR d.last_activity_at <= {now} THEN d.last_activity_at
                          ELSE (SELECT MAX(a.occurred_at) FROM activities a WHERE a.deal_id = d.id AND a.occurred_at <= {now}) END AS last_activity
              FROM deals d WHERE d.status = 'open' AND (d.created_at IS NULL OR d.created_at <= {now})),
            f AS (
              SELECT o.*, {dialect.WholeDays("o.stage_since", now)} AS stage_days,
                     {dialect.WholeDays("COALESCE(o.last_activity, o.created_at)", now)} AS quiet_days,
                     COALESCE(p.n, 0) AS pushes, c.amount_before
              FROM o LEFT JOIN pushes p ON p.deal_id = o.id LEFT JOIN cuts c ON c.deal_id = o.id)
            SELECT f.id, f.name, acc.name, f.amount, f.stage, f.stage_days, f.quiet_days,
                   CASE WHEN f.last_activity IS NULL THEN 0 ELSE 1 END, f.close_date, f.pushes, f.amount_before, u.email, ao.email
            FROM f LEFT JOIN accounts acc ON acc.id = f.account_id
                   LEFT JOIN users u ON u.id = f.owner_id LEFT JOIN users ao ON ao.id = acc.owner_id
            WHERE f.stage_days > {p.Add(settings.StageNormFloorDays)} OR f.quiet_days >= {p.Add(settings.NoActivityDays)} OR f.close_date < {p.Day(today)}
               OR f.pushes >= {p.Add(settings.CloseDatePushes)}
               OR (f.amount_before > 0 AND f.amount * 100 <= f.amount_before * {p.Add(100 - settings.AmountCutPercent)})
            ORDER BY f.amount DESC, f.id
            """;
        return SqlRunner.StreamAsync(db, sql, p, r => new StalledDealFacts(
            r.GetString(0),
            r.Text(1) ?? r.GetString(0),
            r.Text(2),
            r.Number(3),
            r.GetString(4),
            r.IsDBNull(5) ? null : (int)r.Count(5),
            settings.StageNormFloorDays,
            r.IsDBNull(6) ? null : (int)r.Count(6),
            r.Count(7) == 1,
            r.IsDBNull(8) ? null : r.GetFieldValue<DateOnly>(8),
            (int)r.Count(9),
            r.IsDBNull(10) ? null : r.Number(10),
            r.Text(11),
            r.Text(12)), jit: false, ct);
    }
}
