using System.Globalization;
using RevBot.Core.Metrics.Sql;
using RevBot.Core.Storage;

namespace RevBot.Core.Alerts;

/// <summary>
/// Each stage's norm, computed in one statement on either database. LEAD pairs every stage entry with the next entry of
/// the same deal (the moment it left); the exits inside the window are counted per (stage, whole days), a few hundred
/// rows whatever the number of deals; the percentile is then read off the running counts the way PERCENTILE_CONT reads
/// a sorted list (interpolating between the two neighbouring ranks), so SQLite and PostgreSQL give the same norm.
/// </summary>
internal static class StageNormQuery
{
    public static async Task<IReadOnlyDictionary<string, StageNorm>> RunAsync(RevBotDb db, StalledDealSettings settings, DateTime nowUtc, CancellationToken ct)
    {
        var p = new SqlParameters(SqlDialect.For(db.Database));
        var from = p.Instant(nowUtc.AddDays(-settings.StageNormLookbackDays));
        var now = p.Instant(nowUtc);
        var pct = p.Add(settings.StageNormPercentile);
        var days = p.Dialect.WholeDays("h.entered_at", "h.left_at");
        // Grouping on a CASE (instead of filtering first), in a materialized CTE, keeps PostgreSQL on a hash aggregate:
        // it cannot estimate how many exits fall in the window, and would otherwise sort millions of rows, either for the
        // filtered rows or to hand the running counts below their order.
        var sql = $"""
            WITH h AS (
              SELECT stage, entered_at, LEAD(entered_at) OVER (PARTITION BY deal_id ORDER BY entered_at) AS left_at
              FROM deal_stage_history),
            d AS MATERIALIZED (
              SELECT h.stage, CASE WHEN h.left_at > {from} AND h.left_at <= {now} THEN {days} END AS days, COUNT(*) AS n
              FROM h GROUP BY 1, 2),
            c AS (
              SELECT stage, days,
                     CAST(SUM(n) OVER (PARTITION BY stage ORDER BY days ROWS UNBOUNDED PRECEDING) AS bigint) AS upto,
                     CAST(SUM(n) OVER (PARTITION BY stage) AS bigint) AS total
              FROM d WHERE days IS NOT NULL),
            r AS (
              SELECT stage, total,
                     MIN(CASE WHEN upto > ({pct} * (total - 1)) / 100 THEN days END) AS lo,
                     MIN(CASE WHEN upto > ({pct} * (total - 1)) / 100 + 1 THEN days END) AS hi,
                     ({pct} * (total - 1)) % 100 AS rest
              FROM c GROUP BY stage, total)
            SELECT stage, total, lo + ((COALESCE(hi, lo) - lo) * rest / 100.0) FROM r
            """;
        var rows = await SqlRunner.QueryAsync(db, sql, p,
            r => new StageNorm(r.GetString(0), Convert.ToDouble(r.GetValue(2), CultureInfo.InvariantCulture), r.Count(1)), jit: false, ct);
        return rows.ToDictionary(n => n.Stage, StringComparer.Ordinal);
    }
}
