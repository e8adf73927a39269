using System.Globalization;
using RevBot.Core.Metrics.Sql;
using RevBot.Core.Storage;

namespace RevBot.Core.Alerts;

/// <summary>
/// Scores every customer (an account with MRR today) in one statement: each factor is a grouped pass over its own table
/// (subscriptions, tickets, open renewal deals), joined per account. Whether an open renewal deal moved comes from its
/// own row (its latest activity and latest stage entry, <c>last_activity_at</c> and <c>stage_entered_at</c>, kept by
/// triggers): the latest moment is in the window exactly when some moment is, as long as it is not later than now; a
/// later one (a scan as of a past day) falls back to probing the activities and the history. Recent activity is one probe of the
/// (account_id, occurred_at) index per customer, plus the activities logged on deals only (account_id null, a range of
/// that same index), so the millions of older activities are never read. Usage, the biggest table, is summed last and
/// only for the accounts whose other factors already reach the minimum score less the usage weight (the others could
/// not be alerted whatever their usage did), through its primary key. The points and the score
/// are computed in SQL so only accounts at or above the minimum score come back, highest first. Thresholds compare
/// whole sums (users now × 100 ≤ users before × 70), never rounded ratios, so both databases agree on the boundary.
/// </summary>
internal static class ChurnRiskQuery
{
    public static IAsyncEnumerable<ChurnRiskFacts> StreamAsync(RevBotDb db, ChurnRiskSettings s, DateOnly today, DateTime nowUtc, CancellationToken ct)
    {
        var p = new SqlParameters(SqlDialect.For(db.Database));
        var d = p.Dialect;
        var (day, now) = (p.Day(today), p.Instant(nowUtc));
        var then = p.Day(today.AddDays(-s.ContractionDays));
        var (quietFrom, movingFrom) = (p.Instant(nowUtc.AddDays(-s.QuietDays)), p.Instant(nowUtc.AddDays(-s.RenewalMovingDays)));
        var (satFrom, teamFrom) = (p.Instant(nowUtc.AddDays(-s.SatisfactionDays)), p.Instant(nowUtc.AddDays(-s.TeamDays)));
        var usageDrop = p.Add(s.UsageDropPercent);
        var usage = Usage(d, p.Day(today.AddDays(-s.UsageWindowDays)), p.Day(today.AddDays(-2 * s.UsageWindowDays)), day, p.Add(s.MinScore - s.UsageWeight));
        var sql = $"""
            WITH subs AS (
              SELECT s.account_id,
                     SUM(CASE WHEN s.start_date <= {day} AND (s.end_date IS NULL OR s.end_date > {day}) THEN s.mrr ELSE 0 END) AS mrr_now,
                     SUM(CASE WHEN s.start_date <= {then} AND (s.end_date IS NULL OR s.end_date > {then}) THEN s.mrr ELSE 0 END) AS mrr_then,
                     MIN(CASE WHEN s.start_date <= {day} AND s.end_date > {day} THEN s.end_date END) AS ends_on
              FROM subscriptions s WHERE s.start_date <= {day} AND (s.end_date IS NULL OR s.end_date > {then})
              GROUP BY s.account_id),
            t AS (
              SELECT account_id,
                     SUM(CASE WHEN (closed_at IS NULL OR closed_at > {now}) AND priority = 'urgent' THEN 1 ELSE 0 END) AS urgent,
                     SUM(CASE WHEN (closed_at IS NULL OR closed_at > {now}) AND priority = 'high' THEN 1 ELSE 0 END) AS high,
                     SUM(CASE WHEN closed_at <= {now} THEN satisfaction END) AS sat_sum,
                     COUNT(CASE WHEN closed_at <= {now} THEN satisfaction END) AS sat_n
              FROM tickets WHERE opened_at <= {now} AND (closed_at IS NULL OR closed_at > {satFrom})
              GROUP BY account_id),
            r AS (
              SELECT d.account_id, MIN(d.close_date) AS close_date,
                     MAX(CASE WHEN (d.last_activity_at > {movingFrom} AND d.last_activity_at <= {now})
                                OR (d.last_activity_at > {now} AND EXISTS (SELECT 1 FROM activities a WHERE a.deal_id = d.id AND a.occurred_at > {movingFrom} AND a.occurred_at <= {now}))
                                OR (d.stage_entered_at > {movingFrom} AND d.stage_entered_at <= {now})
                                OR (d.stage_entered_at > {now} AND EXISTS (SELECT 1 FROM deal_stage_history h WHERE h.deal_id = d.id AND h.entered_at > {movingFrom} AND h.entered_at <= {now}))
                              THEN 1 ELSE 0 END) AS moving
              FROM deals d WHERE d.status = 'open' AND d.type = 'renewal' AND d.account_id IS NOT NULL GROUP BY d.account_id),
            q AS (
              SELECT DISTINCT d.account_id FROM activities a JOIN deals d ON d.id = a.deal_id
              WHERE a.account_id IS NULL AND a.occurred_at > {quietFrom} AND a.occurred_at <= {now}),
            -- Materialized so the activity probe runs once per customer, not once per expression that reads its result.
            f AS MATERIALIZED (
              SELECT subs.account_id, subs.mrr_now, subs.mrr_then,
                     COALESCE(t.urgent, 0) AS urgent, COALESCE(t.high, 0) AS high, t.sat_sum, COALESCE(t.sat_n, 0) AS sat_n,
                     CASE WHEN r.close_date IS NOT NULL AND (subs.ends_on IS NULL OR r.close_date < subs.ends_on) THEN r.close_date ELSE subs.ends_on END AS renews_on,
                     CASE WHEN r.account_id IS NULL THEN 0 ELSE 1 END AS has_renewal, COALESCE(r.moving, 0) AS moving,
                     CASE WHEN EXISTS (SELECT 1 FROM activities a WHERE a.account_id = subs.account_id AND a.occurred_at > {quietFrom} AND a.occurred_at <= {now})
                            OR q.account_id IS NOT NULL THEN 0 ELSE 1 END AS quiet
              FROM subs LEFT JOIN t ON t.account_id = subs.account_id LEFT JOIN r ON r.account_id = subs.account_id
                        LEFT JOIN q ON q.account_id = subs.account_id
              WHERE subs.mrr_now > 0),
            g AS (
              SELECT f.*, {d.DaysBetween(day, "renews_on")} AS renew_days,
                     CASE WHEN mrr_then > 0 THEN 1.0 - (1.0 * mrr_now / mrr_then) END AS contraction
              FROM f),
            o AS MATERIALIZED (
              SELECT g.*,
                     CASE WHEN urgent + high >= {p.Add(s.OpenTickets)} OR (sat_n > 0 AND sat_sum <= {p.Add(s.LowSatisfaction)} * sat_n)
                          THEN {p.Add(s.SupportWeight)} ELSE 0 END AS support_pts,
                     CASE WHEN renew_days <= {p.Add(s.RenewalWithinDays)} AND moving = 0 THEN {p.Add(s.RenewalWeight)} ELSE 0 END AS renewal_pts,
                     CASE WHEN mrr_then > 0 AND mrr_now * 100 <= mrr_then * {p.Add(100 - s.ContractionPercent)} THEN {p.Add(s.ContractionWeight)} ELSE 0 END AS contraction_pts,
                     CASE WHEN quiet = 1 THEN {p.Add(s.QuietWeight)} ELSE 0 END AS quiet_pts
              FROM g),
            v AS (
              SELECT uv.*,
                     CASE WHEN uv.users_before > 0 THEN 1.0 - (1.0 * uv.users_now / uv.users_before) END AS users_drop,
                     CASE WHEN uv.events_before > 0 THEN 1.0 - (1.0 * uv.events_now / uv.events_before) END AS events_drop,
                     CASE WHEN (uv.users_before > 0 AND uv.users_now * 100 <= uv.users_before * (100 - {usageDrop}))
                            OR (uv.events_before > 0 AND uv.events_now * 100 <= uv.events_before * (100 - {usageDrop})) THEN 1 ELSE 0 END AS usage_fell
              FROM ({usage}) uv),
            w AS (
              SELECT v.*, CASE WHEN users_drop IS NULL THEN events_drop WHEN events_drop IS NULL OR users_drop >= events_drop THEN users_drop ELSE events_drop END AS usage_drop
              FROM v),
            pts AS (
              SELECT w.*,
                     CASE WHEN usage_fell = 1
                          THEN {p.Add(s.UsageWeight)} * (CASE WHEN usage_drop * 100 >= 2 * {usageDrop} THEN 1.0 ELSE usage_drop * 100 / (2 * {usageDrop}) END)
                          ELSE 0 END AS usage_pts
              FROM w),
            x AS (
              SELECT pts.*, {d.RoundHalfUp("usage_pts + support_pts + renewal_pts + contraction_pts + quiet_pts")} AS raw_score FROM pts)
            SELECT x.account_id, acc.name, CASE WHEN x.raw_score > 100 THEN 100 ELSE x.raw_score END,
                   x.usage_drop, x.usage_pts, x.urgent, x.high, CASE WHEN x.sat_n > 0 THEN 1.0 * x.sat_sum / x.sat_n END, x.support_pts,
                   x.renew_days, x.has_renewal, x.renewal_pts, x.contraction, x.contraction_pts, x.quiet_pts, ao.email,
                   (SELECT cu.email FROM activities ca JOIN users cu ON cu.id = ca.user_id
                    WHERE ca.account_id = x.account_id AND cu.role = 'cs' AND ca.occurred_at > {teamFrom} AND ca.occurred_at <= {now}
                    ORDER BY ca.occurred_at DESC LIMIT 1)
            FROM x JOIN accounts acc ON acc.id = x.account_id LEFT JOIN users ao ON ao.id = acc.owner_id
            WHERE x.raw_score >= {p.Add(s.MinScore)}
            ORDER BY 3 DESC, x.account_id
            """;
        return SqlRunner.StreamAsync(db, sql, p, r => new ChurnRiskFacts(
            r.GetString(0), r.Text(1) ?? r.GetString(0), (int)r.Count(2),
            Real(r, 3), Real(r, 4) ?? 0, (int)r.Count(5), (int)r.Count(6), Real(r, 7), Real(r, 8) ?? 0,
            r.IsDBNull(9) ? null : (int)r.Count(9), r.Count(10) == 1, Real(r, 11) ?? 0,
            Real(r, 12), Real(r, 13) ?? 0, Real(r, 14) ?? 0, r.Text(15), r.Text(16)), jit: false, ct);
    }

    /// <summary>
    /// Each scored account (<c>o</c>) with its usage sums over the two windows, read only for the accounts that need
    /// them. Both shapes walk the (account_id, date) primary key once per such account; PostgreSQL is told so with
    /// LATERAL, since its row estimates for <c>o</c> are too poor to find that plan itself (it would hash every usage
    /// row of the window instead); SQLite joins nested-loop first anyway, and has no LATERAL.
    /// </summary>
    private static string Usage(SqlDialect d, string mid, string from, string day, string need)
    {
        var sums = $"""
            SUM(CASE WHEN us.date >= {mid} THEN us.active_users ELSE 0 END) AS users_now,
            SUM(CASE WHEN us.date < {mid} THEN us.active_users ELSE 0 END) AS users_before,
            SUM(CASE WHEN us.date >= {mid} THEN us.events ELSE 0 END) AS events_now,
            SUM(CASE WHEN us.date < {mid} THEN us.events ELSE 0 END) AS events_before
            """;
        var range = $"us.account_id = o.account_id AND us.date >= {from} AND us.date < {day}";
        var candidate = $"o.support_pts + o.renewal_pts + o.contraction_pts + o.quiet_pts >= {need}";
        return d.IsPostgres
            ? $"SELECT o.*, u.* FROM o LEFT JOIN LATERAL (SELECT {sums} FROM usage us WHERE {range} AND {candidate}) u ON TRUE"
            : $"""
              SELECT o.*, u.users_now, u.users_before, u.events_now, u.events_before FROM o LEFT JOIN (
                SELECT o.account_id, {sums} FROM o JOIN usage us ON {range} WHERE {candidate} GROUP BY o.account_id) u ON u.account_id = o.account_id
              """;
    }

    private static double? Real(System.Data.Common.DbDataReader r, int ordinal) =>
        r.IsDBNull(ordinal) ? null : Convert.ToDouble(r.GetValue(ordinal), CultureInfo.InvariantCulture);
}
