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
    /// <param name="current">
    /// Read the one checkpoint given (today's) from the deals' current state: the open deals with their amount, close date,
    /// stage, push count and stage entry as they are now (the last two kept on the deal by the history tables' triggers:
    /// their latest history rows). Else every checkpoint is read as of then, from the history (the learned table, and
    /// the backtest's "today" in the past).
    /// </param>
    public static async Task<List<ForecastCell>> CellsAsync(MetricContext context, IReadOnlyList<ForecastCheckpoint> checkpoints, Dimension? groupBy, bool current, CancellationToken ct) =>
        [.. (await SlicedCellsAsync(context, checkpoints, Keys(groupBy), current, ct)).Select(s => s.Row)];

    /// <summary>As above, grouped by every dimension in <paramref name="keys"/> (a cell's <see cref="ForecastCell.Group"/> is the first key's value).</summary>
    public static async Task<List<Sliced<ForecastCell>>> SlicedCellsAsync(MetricContext context, IReadOnlyList<ForecastCheckpoint> checkpoints, IReadOnlyList<Dimension> keys, bool current, CancellationToken ct)
    {
        var (select, p) = context.Select("deals d", DealDimensions.Of);
        var groups = keys.Select(DealDimensions.Of).ToList();
        foreach (var group in groups) select.Join(ForecastGroupSql.Joins(group));
        var dialect = p.Dialect;
        var q = Checkpoints(checkpoints, p);
        if (current)
        {
            select.Join([$"JOIN q ON (d.created_at IS NULL OR d.created_at <= q.t)"]);
            select.Where("d.status = 'open'");
        }
        else
        {
            select.Join([$"JOIN q ON (d.created_at IS NULL OR d.created_at <= q.t) AND (d.closed_at IS NULL OR d.closed_at > q.t)"]);
            select.Where("(d.closed_at IS NOT NULL OR d.status = 'open')");
            // Implied by the join, but written so the database reads the deals by index (open ones, and those closed after
            // the earliest checkpoint) instead of all of them.
            var earliest = p.Instant(checkpoints.Min(c => c.AtUtc));
            select.Where($"(d.status = 'open' OR (d.status IN ('won', 'lost') AND d.closed_at > {earliest}))");
        }
        SqlFilters.Amount(select, p, context.Conditions.Amount);
        // Each deal-checkpoint's latest deal-history and stage-history rows at that moment, one index probe each.
        // PostgreSQL reads the rows' columns in the probe (LATERAL); as correlated subqueries joined back by id, it
        // evaluated each probe twice and hash-joined the whole history tables (34 s instead of 7 at scale 100).
        // SQLite has no LATERAL: there the subqueries return the rows' ids, joined back by primary key.
        var keyColumns = string.Concat(groups.Select((g, i) => $"{ForecastGroupSql.Column(g)} AS g{i}, "));
        var keyNames = string.Concat(groups.Select((_, i) => $"x.g{i}, "));
        var n = groups.Count;
        var columns = $"q.j, {keyColumns}d.id, d.status, d.closed_at, d.created_at, d.type, d.amount, d.close_date, d.stage, " +
            "d.close_pushes, d.stage_entered_at, q.t, q.e, q.sday, q.tday, q.eday";
        static string HistoryRow(string deal, string at) => $"FROM deal_history h2 WHERE h2.deal_id = {deal} AND h2.at <= {at} ORDER BY h2.at DESC, h2.id DESC LIMIT 1";
        static string StageRow(string deal, string at) => $"FROM deal_stage_history s2 WHERE s2.deal_id = {deal} AND s2.entered_at <= {at} ORDER BY s2.entered_at DESC LIMIT 1";
        string x, rows;
        if (current)
        {
            // Today: the deal's latest history rows are its rows as of now, and the deal row carries what they say
            // (close_pushes, stage_entered_at, kept by the history tables' triggers): one row per deal, no probe.
            x = select.ToSql(columns);
            rows = "x";
        }
        else if (dialect.IsPostgres)
        {
            x = select.ToSql(columns);
            rows = $"x LEFT JOIN LATERAL (SELECT h2.id, h2.close_date, h2.amount, h2.pushes {HistoryRow("x.id", "x.t")}) h ON TRUE " +
                $"LEFT JOIN LATERAL (SELECT s2.stage, s2.entered_at {StageRow("x.id", "x.t")}) s ON TRUE";
        }
        else
        {
            x = select.ToSql(columns + ", " +
                $"(SELECT h2.id {HistoryRow("d.id", "q.t")}) AS hid, (SELECT s2.id {StageRow("d.id", "q.t")}) AS sid");
            rows = "x LEFT JOIN deal_history h ON h.id = x.hid LEFT JOIN deal_stage_history s ON s.id = x.sid";
        }
        var amount = current ? "x.amount" : "COALESCE(h.amount, x.amount)";
        var closeDate = current ? "x.close_date" : "h.close_date";
        var pushes = current ? "x.close_pushes" : "h.pushes";
        var entered = current ? "x.stage_entered_at" : "s.entered_at";
        var hasHistory = current ? "x.close_pushes IS NOT NULL" : "h.id IS NOT NULL";
        // Without stage history the model knows no stage (as at past checkpoints): the current stage counts only with it.
        var stage = current ? "CASE WHEN x.stage_entered_at IS NULL THEN '' ELSE x.stage END" : "COALESCE(s.stage, '')";
        var age = $"({dialect.EpochSeconds("x.t")} - {dialect.EpochSeconds($"COALESCE({entered}, x.created_at, x.t)")}) / 86400";
        // What became of each deal after the checkpoint, which trains the model. Today's open deals have no outcome yet:
        // written as zeros, the statement reads no column the open deals' index (DealOpenForecastIndex) lacks.
        var outcomes = current ? "0, 0, 0" : """
            SUM(CASE WHEN x.status = 'won' AND x.closed_at < x.e THEN 1 ELSE 0 END),
              SUM(CASE WHEN x.status = 'won' AND x.closed_at < x.e THEN x.amount ELSE 0 END),
              SUM(CASE WHEN x.closed_at < x.e THEN 1 ELSE 0 END)
            """;
        var aggregate = $"""
            SELECT x.j, {keyNames}
              CASE WHEN {closeDate} IS NULL THEN 0 WHEN {closeDate} < x.sday THEN 1 WHEN {closeDate} < x.tday THEN 2 WHEN {closeDate} <= x.eday THEN 3 ELSE 4 END AS cb,
              {stage} AS st,
              CASE WHEN {age} < 21 THEN 0 WHEN {age} < 60 THEN 1 WHEN {age} < 120 THEN 2 ELSE 3 END AS ab,
              x.type,
              CASE WHEN {amount} < 1000 THEN 0 WHEN {amount} < 3000 THEN 1 WHEN {amount} < 10000 THEN 2 WHEN {amount} < 30000 THEN 3
                   WHEN {amount} < 100000 THEN 4 WHEN {amount} < 300000 THEN 5 WHEN {amount} < 1000000 THEN 6 ELSE 7 END AS mb,
              CASE WHEN COALESCE({pushes}, 0) >= 2 THEN 2 ELSE COALESCE({pushes}, 0) END AS pu,
              COUNT(*), SUM({amount}), SUM({amount} * {amount}),
              {outcomes},
              SUM(CASE WHEN {closeDate} >= x.sday AND {closeDate} <= x.eday THEN {amount} * {StageProbability(context, p, $"({stage})")} ELSE 0 END)
            FROM {rows}
            WHERE x.created_at IS NOT NULL OR {hasHistory}
            GROUP BY {string.Join(", ", Enumerable.Range(1, 7 + n))}
            """;
        var with = $"WITH q(j, s, t, e, sday, tday, eday) AS ({q}), x AS ({x})";
        var sql = ForecastGroupSql.NamedAfter(groups, 13) is { } named ? $"{with}, {named.Columns} AS ({aggregate}) {named.Select}" : $"{with} {aggregate}";
        return await SqlRunner.QueryAsync(context.Db, sql, p, r =>
        {
            var k = KeyValues(r, n);
            return new Sliced<ForecastCell>(k, new ForecastCell(
                (int)r.Count(0), k.Length > 0 ? k[0] : null,
                new ForecastFeatures((CloseBucket)r.Count(n + 1), r.Text(n + 2) ?? "", (int)r.Count(n + 3), r.Text(n + 4) ?? "", (int)r.Count(n + 5), (int)r.Count(n + 6)),
                r.Count(n + 7), r.Number(n + 8), r.Number(n + 9), r.Count(n + 10), r.Number(n + 11), r.Count(n + 12), r.Number(n + 13) / 100m));
        }, jit: false, ct);
    }

    /// <summary>
    /// Whether the database knows nothing after <paramref name="atUtc"/> (no deal closed after it, the newest deal-history
    /// row and every stage-history row dated by then): then the deals' current state is their state at that moment, and
    /// today's checkpoint can be read from it. An as-of in the data's past (a question about last month, the tests'
    /// companies seeded with their outcomes) reads history. Three index probes.
    /// </summary>
    public static async Task<bool> NothingAfterAsync(MetricContext context, DateTime atUtc, CancellationToken ct)
    {
        var p = new SqlParameters(context.Dialect);
        var t = p.Instant(atUtc);
        var sql = $"SELECT CASE WHEN EXISTS (SELECT 1 FROM deals WHERE status IN ('won', 'lost') AND closed_at > {t}) " +
            $"OR EXISTS (SELECT 1 FROM deal_stage_history WHERE entered_at > {t}) " +
            $"OR EXISTS (SELECT 1 FROM deal_history WHERE id = (SELECT MAX(id) FROM deal_history) AND at > {t}) THEN 0 ELSE 1 END";
        return (await SqlRunner.QueryAsync(context.Db, sql, p, r => r.Count(0), ct))[0] == 1;
    }

    /// <summary>The whole company's open pipeline at checkpoint 0, whatever the question's filter (the run rate's growth).</summary>
    public static async Task<decimal> OpenPipelineAsync(MetricContext context, ForecastCheckpoint at, bool current, CancellationToken ct)
    {
        var company = new MetricContext(context.Db, context.Company, context.Metric, context.Window, new Dictionary<Dimension, string>());
        if (!current) return (await CellsAsync(company, [at], null, current: false, ct)).Sum(c => c.Amount);
        var p = new SqlParameters(context.Dialect);
        var sql = $"SELECT SUM(amount) FROM deals WHERE status = 'open' AND (created_at IS NULL OR created_at <= {p.Instant(at.AtUtc)})";
        return (await SqlRunner.QueryAsync(context.Db, sql, p, r => r.Number(0), ct))[0];
    }

    /// <summary>Per checkpoint: won in the period before it, and won in the period by deals created after it.</summary>
    public static async Task<List<ForecastRunRate>> RunRatesAsync(MetricContext context, IReadOnlyList<ForecastCheckpoint> checkpoints, Dimension? groupBy, CancellationToken ct) =>
        [.. (await SlicedRunRatesAsync(context, checkpoints, Keys(groupBy), ct)).Select(s => s.Row)];

    /// <summary>As above, grouped by every dimension in <paramref name="keys"/> (a rate's group is the first key's value).</summary>
    public static async Task<List<Sliced<ForecastRunRate>>> SlicedRunRatesAsync(MetricContext context, IReadOnlyList<ForecastCheckpoint> checkpoints, IReadOnlyList<Dimension> keys, CancellationToken ct)
    {
        var (select, p) = context.Select("deals d", DealDimensions.Of);
        var groups = keys.Select(DealDimensions.Of).ToList();
        foreach (var group in groups) select.Join(ForecastGroupSql.Joins(group));
        var n = groups.Count;
        var q = Checkpoints(checkpoints, p);
        select.Join(["JOIN q ON d.closed_at >= q.s AND d.closed_at < q.e"]);
        select.Where("d.status = 'won'");
        SqlFilters.Amount(select, p, context.Conditions.Amount);
        var aggregate = select.ToSql(
            $"q.j, {string.Concat(groups.Select(g => ForecastGroupSql.Column(g) + ", "))}SUM(CASE WHEN d.closed_at < q.t THEN d.amount ELSE 0 END), " +
            "SUM(CASE WHEN d.closed_at >= q.t AND d.created_at > q.t THEN 1 ELSE 0 END), " +
            "SUM(CASE WHEN d.closed_at >= q.t AND d.created_at > q.t THEN d.amount ELSE 0 END)", $"GROUP BY {string.Join(", ", Enumerable.Range(1, 1 + n))}");
        var sql = ForecastGroupSql.NamedAfter(groups, 3) is { } named
            ? $"WITH q(j, s, t, e, sday, tday, eday) AS ({q}), {named.Columns} AS ({aggregate}) {named.Select}"
            : $"WITH q(j, s, t, e, sday, tday, eday) AS ({q}) {aggregate}";
        return await SqlRunner.QueryAsync(context.Db, sql, p, r =>
        {
            var k = KeyValues(r, n);
            return new Sliced<ForecastRunRate>(k, new ForecastRunRate((int)r.Count(0), k.Length > 0 ? k[0] : null, r.Number(n + 1), r.Count(n + 2), r.Number(n + 3)));
        }, ct);
    }

    private static Dimension[] Keys(Dimension? groupBy) => groupBy is { } g ? [g] : [];

    /// <summary>The values of the <paramref name="n"/> key columns that follow the checkpoint column.</summary>
    internal static string?[] KeyValues(System.Data.Common.DbDataReader r, int n)
    {
        var keys = new string?[n];
        for (var i = 0; i < n; i++) keys[i] = r.Text(i + 1);
        return keys;
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
