using System.Globalization;
using System.Text;
using RevBot.Core.Metrics.Sql;
using RevBot.Core.Storage;

namespace RevBot.Core.Alerts;

/// <summary>
/// Scores every customer (an account with MRR today and no open expansion deal) for expansion in one statement, like
/// <see cref="ChurnRiskQuery"/>: one grouped pass per source (subscriptions for MRR, seats, plan and the last step up;
/// won expansion deals; tickets; usage over the two windows), joined per account; points and score computed in SQL, so
/// only accounts at or above the minimum score come back, highest first. Usage is summed per account on its own (no
/// join to the customers: the LEFT JOIN below drops the rest), so PostgreSQL reads the two windows with a parallel
/// scan and a hash aggregate instead of merge-joining 5.8 M rows at scale 100 (docs/benchmarks.md). Thresholds compare whole sums (events now × 100
/// ≥ events before × 120), never rounded ratios, so both databases agree on the boundary. The plan's usage limit comes
/// from configuration as a CASE over the plan names.
/// Subscriptions are read once, in account and start order: window functions give each one the lowest MRR among the
/// account's subscriptions that started before it (and among those of them with no end), and the account's top MRR
/// today. A subscription is a step up when an earlier one still running on its start day had a lower MRR; an earlier
/// open-ended one settles that, no earlier lower one rules it out, and only the rest (24,064 of 321,950 at scale 100)
/// are probed, instead of probing every subscription (docs/benchmarks.md, "Alert scan").
/// </summary>
internal static class ExpansionQuery
{
    public static IAsyncEnumerable<ExpansionFacts> StreamAsync(RevBotDb db, ExpansionSettings s, DateOnly today, DateTime nowUtc, CancellationToken ct)
    {
        var p = new SqlParameters(SqlDialect.For(db.Database));
        var d = p.Dialect;
        var (day, now) = (p.Day(today), p.Instant(nowUtc));
        var (mid, from) = (p.Day(today.AddDays(-s.UsageWindowDays)), p.Day(today.AddDays(-2 * s.UsageWindowDays)));
        var (healthFrom, teamFrom) = (p.Instant(nowUtc.AddDays(-s.HealthDays)), p.Instant(nowUtc.AddDays(-s.TeamDays)));
        var growth = p.Add(100 + s.UsageGrowthPercent);
        var sql = $"""
            WITH sw AS (
              SELECT s.account_id, s.id, s.product, s.mrr, s.seats, s.start_date,
                     CASE WHEN s.end_date IS NULL OR s.end_date > {day} THEN 1 ELSE 0 END AS active,
                     MIN(s.mrr) OVER earlier AS min_before,
                     MIN(CASE WHEN s.end_date IS NULL THEN s.mrr END) OVER earlier AS open_min_before,
                     MAX(CASE WHEN s.end_date IS NULL OR s.end_date > {day} THEN s.mrr END) OVER (PARTITION BY s.account_id) AS top_mrr
              FROM subscriptions s WHERE s.start_date <= {day}
              WINDOW earlier AS (PARTITION BY s.account_id ORDER BY s.start_date RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW EXCLUDE GROUP)),
            subs AS (
              SELECT sw.account_id,
                     SUM(CASE WHEN active = 1 THEN mrr END) AS mrr_now, SUM(CASE WHEN active = 1 THEN seats END) AS seats,
                     COUNT(CASE WHEN active = 1 THEN seats END) AS seated,
                     MIN(CASE WHEN active = 1 AND mrr = top_mrr THEN product END) AS product,
                     MIN(start_date) AS first_day,
                     MAX(CASE WHEN open_min_before < mrr THEN start_date
                              WHEN min_before < mrr THEN CASE WHEN EXISTS (
                                SELECT 1 FROM subscriptions e WHERE e.account_id = sw.account_id AND e.id <> sw.id AND e.start_date < sw.start_date
                                  AND (e.end_date IS NULL OR e.end_date >= sw.start_date) AND e.mrr < sw.mrr) THEN start_date END END) AS stepped_up
              FROM sw GROUP BY sw.account_id),
            won AS (
              SELECT d.account_id, MAX(d.closed_at) AS won_at FROM deals d
              WHERE d.status = 'won' AND d.type = 'expansion' AND d.account_id IS NOT NULL AND d.closed_at <= {now}
              GROUP BY d.account_id),
            t AS (
              SELECT account_id,
                     SUM(CASE WHEN opened_at > {healthFrom} THEN 1 ELSE 0 END) AS opened,
                     SUM(CASE WHEN closed_at > {healthFrom} AND closed_at <= {now} THEN satisfaction END) AS sat_sum,
                     COUNT(CASE WHEN closed_at > {healthFrom} AND closed_at <= {now} THEN satisfaction END) AS sat_n
              FROM tickets WHERE opened_at <= {now} AND (opened_at > {healthFrom} OR closed_at > {healthFrom})
              GROUP BY account_id),
            u AS (
              SELECT us.account_id,
                     SUM(CASE WHEN us.date >= {mid} THEN us.active_users ELSE 0 END) AS users_now,
                     SUM(CASE WHEN us.date < {mid} THEN us.active_users ELSE 0 END) AS users_before,
                     SUM(CASE WHEN us.date >= {mid} THEN us.events ELSE 0 END) AS events_now,
                     SUM(CASE WHEN us.date < {mid} THEN us.events ELSE 0 END) AS events_before,
                     MAX(CASE WHEN us.date >= {mid} THEN us.active_users END) AS peak_users
              FROM usage us
              WHERE us.date >= {from} AND us.date < {day}
              GROUP BY us.account_id),
            f AS (
              SELECT subs.account_id, subs.seats, subs.seated, subs.product,
                     {Limit(p, s)} AS events_limit,
                     COALESCE(u.users_now, 0) AS users_now, COALESCE(u.users_before, 0) AS users_before,
                     COALESCE(u.events_now, 0) AS events_now, COALESCE(u.events_before, 0) AS events_before, u.peak_users,
                     COALESCE(t.opened, 0) AS opened, t.sat_sum, COALESCE(t.sat_n, 0) AS sat_n,
                     CASE WHEN subs.stepped_up IS NULL AND won.won_at IS NULL THEN 0 ELSE 1 END AS expanded, subs.first_day,
                     {d.DaysBetween(LastExpansion(d), day)} AS gap_days
              FROM subs LEFT JOIN won ON won.account_id = subs.account_id LEFT JOIN t ON t.account_id = subs.account_id
                        LEFT JOIN u ON u.account_id = subs.account_id
              WHERE subs.mrr_now > 0
                AND NOT EXISTS (SELECT 1 FROM deals x WHERE x.account_id = subs.account_id AND x.status = 'open' AND x.type = 'expansion')),
            g AS (
              SELECT f.*,
                     CASE WHEN first_day <= {from} AND ((users_before > 0 AND users_now * 100 >= users_before * {growth}) OR (events_before > 0 AND events_now * 100 >= events_before * {growth}))
                               AND (events_limit IS NULL OR events_now * 30 * 100 >= events_limit * {p.Add(s.UsageWindowDays)} * {p.Add(s.NearLimitPercent)})
                          THEN {p.Add(s.UsageWeight)} ELSE 0 END AS usage_pts,
                     CASE WHEN seated > 0 AND peak_users IS NOT NULL AND peak_users * 100 > seats * {p.Add(100 + s.SeatsOverPercent)}
                          THEN {p.Add(s.SeatsWeight)} ELSE 0 END AS seats_pts,
                     CASE WHEN opened <= {p.Add(s.MaxTickets)} AND (sat_n = 0 OR sat_sum >= {p.Add(s.GoodSatisfaction)} * sat_n)
                          THEN {p.Add(s.HealthWeight)} ELSE 0 END AS health_pts,
                     CASE WHEN gap_days >= {p.Add(s.GapDays)} THEN {p.Add(s.GapWeight)} ELSE 0 END AS gap_pts
              FROM f),
            x AS (
              SELECT g.*, usage_pts + seats_pts + health_pts + gap_pts AS raw_score FROM g WHERE usage_pts + seats_pts > 0)
            SELECT x.account_id, acc.name, CASE WHEN x.raw_score > 100 THEN 100 ELSE x.raw_score END, x.product,
                   CASE WHEN x.users_before > 0 AND (x.events_before = 0 OR 1.0 * x.users_now / x.users_before >= 1.0 * x.events_now / NULLIF(x.events_before, 0))
                        THEN 1.0 * x.users_now / x.users_before - 1.0
                        WHEN x.events_before > 0 THEN 1.0 * x.events_now / NULLIF(x.events_before, 0) - 1.0 END,
                   CASE WHEN x.events_limit IS NOT NULL THEN 30.0 * x.events_now / NULLIF(x.events_limit * {p.Add(s.UsageWindowDays)}, 0) END,
                   x.usage_pts, x.peak_users, CASE WHEN x.seated > 0 THEN x.seats END, x.seats_pts,
                   x.opened, CASE WHEN x.sat_n > 0 THEN 1.0 * x.sat_sum / x.sat_n END, x.health_pts,
                   x.gap_days, x.expanded, x.gap_pts, ao.email,
                   (SELECT cu.email FROM activities ca JOIN users cu ON cu.id = ca.user_id
                    WHERE ca.account_id = x.account_id AND cu.role = 'cs' AND ca.occurred_at > {teamFrom} AND ca.occurred_at <= {now}
                    ORDER BY ca.occurred_at DESC LIMIT 1)
            FROM x JOIN accounts acc ON acc.id = x.account_id LEFT JOIN users ao ON ao.id = acc.owner_id
            WHERE x.raw_score >= {p.Add(s.MinScore)}
            ORDER BY 3 DESC, x.account_id
            """;
        return SqlRunner.StreamAsync(db, sql, p, r => new ExpansionFacts(
            r.GetString(0), r.Text(1) ?? r.GetString(0), (int)r.Count(2), r.Text(3),
            Real(r, 4), Real(r, 5), Real(r, 6) ?? 0, r.IsDBNull(7) ? null : (int)r.Count(7), r.IsDBNull(8) ? null : (int)r.Count(8), Real(r, 9) ?? 0,
            (int)r.Count(10), Real(r, 11), Real(r, 12) ?? 0,
            r.IsDBNull(13) ? null : (int)r.Count(13), r.Count(14) == 1, Real(r, 15) ?? 0, r.Text(16), r.Text(17)), jit: false, ct);
    }

    /// <summary>The later of the last step up and the last won expansion deal's day; the first subscription's start when neither.</summary>
    private static string LastExpansion(SqlDialect d)
    {
        var won = d.IsPostgres ? "CAST(won.won_at AS date)" : "date(won.won_at)";
        return $"""
            CASE WHEN won.won_at IS NULL THEN COALESCE(subs.stepped_up, subs.first_day)
                 WHEN subs.stepped_up IS NULL OR subs.stepped_up < {won} THEN {won}
                 ELSE subs.stepped_up END
            """;
    }

    /// <summary>The plan's events limit per 30 days from configuration (a CASE over plan names, ignoring case); null for a plan without one.</summary>
    private static string Limit(SqlParameters p, ExpansionSettings s)
    {
        var limited = s.Plans.Where(kv => kv.Value.MonthlyEvents is not null).ToList();
        if (limited.Count == 0) return "CAST(NULL AS INTEGER)";
        var sql = new StringBuilder("CASE LOWER(subs.product)");
        foreach (var (name, plan) in limited)
            sql.Append(CultureInfo.InvariantCulture, $" WHEN {p.Add(name.ToLowerInvariant())} THEN {p.Add(plan.MonthlyEvents!.Value)}");
        return sql.Append(" END").ToString();
    }

    private static double? Real(System.Data.Common.DbDataReader r, int ordinal) =>
        r.IsDBNull(ordinal) ? null : Convert.ToDouble(r.GetValue(ordinal), CultureInfo.InvariantCulture);
}
