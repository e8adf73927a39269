using System.Globalization;
using RevBot.Core.Metrics.Sql;

namespace RevBot.Core.Metrics.Forecast;

/// <summary>
/// The model's one pass over the history, in the database: the deals open at every checkpoint, each with its close
/// date, amount and push count as of then (its latest deal_history row at or before the checkpoint) and its stage as
/// of then (its latest stage-history row), grouped into feature cells; and per checkpoint the bookings already won
/// and those won by deals created after it. Only aggregates come back. Nothing dated after a checkpoint is read for
/// it except the outcome of past checkpoints (won before their period ended), which is what trains the model.
/// </summary>
internal static class ForecastHistorySql
{
    public static async Task<List<ForecastCell>> CellsAsync(MetricContext context, IReadOnlyList<ForecastCheckpoint> checkpoints, Dimension? groupBy, CancellationToken ct)
    {
        var (select, p) = context.Select("deals d", DealDimensions.Of);
        var group = groupBy is { } g ? DealDimensions.Of(g) : null;
        if (group is not null) select.Join(group.Joins);
        var dialect = p.Dialect;
        var q = Checkpoints(checkpoints, p);
        select.Join([$"JOIN q ON (d.created_at IS NULL OR d.created_at <= q.t) AND (d.closed_at IS NULL OR d.closed_at > q.t)"]);
        select.Where("(d.closed_at IS NOT NULL OR d.status = 'open')");
        // Implied by the join, but written so the database reads the deals by index (open ones, and those closed after
        // the earliest checkpoint) instead of all of them: today's checkpoint alone reads only the open pipeline.
        var earliest = p.Instant(checkpoints.Min(c => c.AtUtc));
        select.Where($"(d.status = 'open' OR (d.status IN ('won', 'lost') AND d.closed_at > {earliest}))");
        SqlFilters.Amount(select, p, context.Conditions.Amount);
        var x = select.ToSql(
            $"q.j, {group?.Key ?? "NULL"} AS g, d.id, d.status, d.closed_at, d.created_at, d.type, d.amount, q.t, q.e, q.sday, q.tday, q.eday, " +
            "(SELECT h2.id FROM deal_history h2 WHERE h2.deal_id = d.id AND h2.at <= q.t ORDER BY h2.at DESC, h2.id DESC LIMIT 1) AS hid, " +
            "(SELECT s2.id FROM deal_stage_history s2 WHERE s2.deal_id = d.id AND s2.entered_at <= q.t ORDER BY s2.entered_at DESC LIMIT 1) AS sid");
        var amount = "COALESCE(h.amount, x.amount)";
        var age = $"({dialect.EpochSeconds("x.t")} - {dialect.EpochSeconds("COALESCE(s.entered_at, x.created_at, x.t)")}) / 86400";
        var stage = "COALESCE(s.stage, '')";
        var sql = $"""
            WITH q(j, s, t, e, sday, tday, eday) AS ({q}),
            x AS ({x})
            SELECT x.j, x.g,
              CASE WHEN h.close_date IS NULL THEN 0 WHEN h.close_date < x.sday THEN 1 WHEN h.close_date < x.tday THEN 2 WHEN h.close_date <= x.eday THEN 3 ELSE 4 END AS cb,
              {stage} AS st,
              CASE WHEN {age} < 21 THEN 0 WHEN {age} < 60 THEN 1 WHEN {age} < 120 THEN 2 ELSE 3 END AS ab,
              x.type,
              CASE WHEN {amount} < 1000 THEN 0 WHEN {amount} < 3000 THEN 1 WHEN {amount} < 10000 THEN 2 WHEN {amount} < 30000 THEN 3
                   WHEN {amount} < 100000 THEN 4 WHEN {amount} < 300000 THEN 5 WHEN {amount} < 1000000 THEN 6 ELSE 7 END AS mb,
              CASE WHEN COALESCE(h.pushes, 0) >= 2 THEN 2 ELSE COALESCE(h.pushes, 0) END AS pu,
              COUNT(*), SUM({amount}), SUM({amount} * {amount}),
              SUM(CASE WHEN x.status = 'won' AND x.closed_at < x.e THEN 1 ELSE 0 END),
              SUM(CASE WHEN x.status = 'won' AND x.closed_at < x.e THEN x.amount ELSE 0 END),
              SUM(CASE WHEN x.closed_at < x.e THEN 1 ELSE 0 END),
              SUM(CASE WHEN h.close_date >= x.sday AND h.close_date <= x.eday THEN {amount} * {StageProbability(context, p, "s.stage")} ELSE 0 END)
            FROM x LEFT JOIN deal_history h ON h.id = x.hid LEFT JOIN deal_stage_history s ON s.id = x.sid
            WHERE x.created_at IS NOT NULL OR x.hid IS NOT NULL
            GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
            """;
        return await SqlRunner.QueryAsync(context.Db, sql, p, r => new ForecastCell(
            (int)r.Count(0), r.Text(1),
            new ForecastFeatures((CloseBucket)r.Count(2), r.Text(3) ?? "", (int)r.Count(4), r.Text(5) ?? "", (int)r.Count(6), (int)r.Count(7)),
            r.Count(8), r.Number(9), r.Number(10), r.Count(11), r.Number(12), r.Count(13), r.Number(14) / 100m), jit: false, ct);
    }

    /// <summary>Per checkpoint: won in the period before it, and won in the period by deals created after it.</summary>
    public static async Task<List<ForecastRunRate>> RunRatesAsync(MetricContext context, IReadOnlyList<ForecastCheckpoint> checkpoints, Dimension? groupBy, CancellationToken ct)
    {
        var (select, p) = context.Select("deals d", DealDimensions.Of);
        var group = groupBy is { } g ? DealDimensions.Of(g) : null;
        if (group is not null) select.Join(group.Joins);
        var q = Checkpoints(checkpoints, p);
        select.Join(["JOIN q ON d.closed_at >= q.s AND d.closed_at < q.e"]);
        select.Where("d.status = 'won'");
        SqlFilters.Amount(select, p, context.Conditions.Amount);
        var sql = $"WITH q(j, s, t, e, sday, tday, eday) AS ({q}) " + select.ToSql(
            $"q.j, {group?.Key ?? "NULL"} AS g, SUM(CASE WHEN d.closed_at < q.t THEN d.amount ELSE 0 END), " +
            "SUM(CASE WHEN d.closed_at >= q.t AND d.created_at > q.t THEN 1 ELSE 0 END), " +
            "SUM(CASE WHEN d.closed_at >= q.t AND d.created_at > q.t THEN d.amount ELSE 0 END)", "GROUP BY 1, 2");
        return await SqlRunner.QueryAsync(context.Db, sql, p, r => new ForecastRunRate((int)r.Count(0), r.Text(1), r.Number(2), r.Count(3), r.Number(4)), ct);
    }

    private static string Checkpoints(IReadOnlyList<ForecastCheckpoint> checkpoints, SqlParameters p)
    {
        // The first row casts its columns so PostgreSQL types the VALUES list from it.
        var rows = checkpoints.Select((c, i) => i == 0 && p.Dialect.IsPostgres
            ? $"({c.Index.ToString(CultureInfo.InvariantCulture)}, CAST({p.Instant(c.FromUtc)} AS timestamptz), CAST({p.Instant(c.AtUtc)} AS timestamptz), CAST({p.Instant(c.ToUtc)} AS timestamptz), CAST({p.Day(c.FirstDay)} AS date), CAST({p.Day(c.AtDay)} AS date), CAST({p.Day(c.LastDay)} AS date))"
            : $"({c.Index.ToString(CultureInfo.InvariantCulture)}, {p.Instant(c.FromUtc)}, {p.Instant(c.AtUtc)}, {p.Instant(c.ToUtc)}, {p.Day(c.FirstDay)}, {p.Day(c.AtDay)}, {p.Day(c.LastDay)})");
        return "VALUES " + string.Join(", ", rows);
    }

    /// <summary>
    /// The configured probability in percent of the stage the deal was in then: a deal's own probability has no
    /// history, so the weighted number at a past checkpoint cannot know it; without stage history it is 0.
    /// </summary>
    private static string StageProbability(MetricContext context, SqlParameters p, string stage)
    {
        var stages = context.Company.EffectiveStages;
        if (stages.Count == 0) return "0";
        var cases = string.Join(" ", stages.Select(s => $"WHEN {p.Add(s.Name)} THEN {s.Probability.ToString(CultureInfo.InvariantCulture)}"));
        return $"CASE {stage} {cases} ELSE 0 END";
    }
}
