using System.Globalization;
using RevBot.Core.Metrics.Sql;
using RevBot.Core.Storage;

namespace RevBot.Core.Alerts;

/// <summary>
/// Each stage's norm, computed in one statement on either database. Every history row carries the moment the deal left
/// that stage (left_at, kept by a trigger), so the year's exits are one range of the (left_at, stage, entered_at) index,
/// counted per (stage, whole days): a few hundred rows whatever the number of deals. The percentile is then read off
/// the running counts the way PERCENTILE_CONT reads a sorted list (interpolating between the two neighbouring ranks), so
/// SQLite and PostgreSQL give the same norm. On PostgreSQL the counts of the whole UTC days inside the look-back come
/// from <c>stage_exit_days</c> (the same counts per exit day, kept by triggers: the StageExitDays migration) and only the
/// exits of the two edge days from the history: about 100,000 rows a year at scale 100 instead of 2.24 M exits.
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
        var exits = p.Dialect.IsPostgres
            ? Counted(p, nowUtc.AddDays(-settings.StageNormLookbackDays), nowUtc, from, now, days)
            : $"SELECT h.stage, {days} AS days, COUNT(*) AS n FROM deal_stage_history h WHERE h.left_at > {from} AND h.left_at <= {now} GROUP BY 1, 2";
        var sql = $"""
            WITH d AS ({exits}),
            c AS (
              SELECT stage, days,
                     CAST(SUM(n) OVER (PARTITION BY stage ORDER BY days ROWS UNBOUNDED PRECEDING) AS bigint) AS upto,
                     CAST(SUM(n) OVER (PARTITION BY stage) AS bigint) AS total
              FROM d),
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

    /// <summary>
    /// The exits in (from, now] per stage and whole days, PostgreSQL: whole UTC days from the rollup, the rest of the
    /// first and last day from the history's (left_at, stage, entered_at) index, each exit counted once (the second
    /// edge range starts where the first one ends when both edges are the same day).
    /// </summary>
    private static string Counted(SqlParameters p, DateTime fromUtc, DateTime nowUtc, string from, string now, string days)
    {
        var (firstWhole, lastWhole) = (fromUtc.Date.AddDays(1), nowUtc.Date);
        var (firstStart, lastStart) = (p.Instant(firstWhole), p.Instant(lastWhole));
        return $"""
            SELECT stage, days, CAST(SUM(n) AS bigint) AS n FROM (
              SELECT e.stage, e.days, e.exits AS n FROM stage_exit_days e
              WHERE e.left_on >= {p.Day(DateOnly.FromDateTime(firstWhole))} AND e.left_on < {p.Day(DateOnly.FromDateTime(lastWhole))}
              UNION ALL
              SELECT h.stage, {days}, 1 FROM deal_stage_history h WHERE h.left_at > {from} AND h.left_at <= {now} AND h.left_at < {firstStart}
              UNION ALL
              SELECT h.stage, {days}, 1 FROM deal_stage_history h
              WHERE h.left_at >= {lastStart} AND h.left_at >= {firstStart} AND h.left_at > {from} AND h.left_at <= {now}) x
            GROUP BY 1, 2
            """;
    }
}
