using RevBot.Core.Metrics.Sql;

namespace RevBot.Core.Metrics.Forecast;

/// <summary>
/// The open deals driving the number: the largest expected in the period, ranked by amount × probability; for a
/// breakdown, each group's too.
/// </summary>
internal static class ForecastDeals
{
    /// <summary>How many of each group's largest deals are candidates: the group's top deals by amount × probability are among them.</summary>
    public const int Candidates = 25;
    private const int Shown = 5;

    public static async Task<ForecastTopDeals> TopAsync(MetricContext context, ForecastCheckpoint at, ForecastModel model, Dimension? groupBy, CancellationToken ct)
    {
        var candidates = await CandidatesAsync(context, at, groupBy is { } g ? [g] : [], ct);
        return Rank([.. candidates.Select(c => c.Row with { Group = c.Keys.Length > 0 ? c.Keys[0] : null })], at, model, groupBy is not null);
    }

    /// <summary>
    /// The open deals expected in the period that are among the <see cref="Candidates"/> largest of their group by every
    /// dimension in <paramref name="keys"/>, each with its place among them in the database's order (amount descending, then id):
    /// a coarser group's largest are among its finer groups' (<see cref="ForecastToday"/> reads them per slice).
    /// </summary>
    public static async Task<List<Sliced<ForecastCandidate>>> CandidatesAsync(MetricContext context, ForecastCheckpoint at, IReadOnlyList<Dimension> keys, CancellationToken ct)
    {
        var (select, p) = context.Select("deals d", DealDimensions.Of);
        var groups = keys.Select(DealDimensions.Of).ToList();
        foreach (var group in groups) select.Join(ForecastGroupSql.Joins(group));
        select.Where("d.status = 'open'").Where($"d.close_date >= {p.Day(at.FirstDay)}").Where($"d.close_date <= {p.Day(at.LastDay)}");
        SqlFilters.Amount(select, p, context.Conditions.Amount);
        var dialect = p.Dialect;
        var now = p.Instant(at.AtUtc);
        var n = groups.Count;
        var partition = n == 0 ? "" : $"PARTITION BY {string.Join(", ", groups.Select(ForecastGroupSql.Column))} ";
        // Every column is in the open deals' index (DealOpenForecastIndex): the table is not read. An owner's key (its
        // e-mail) is read for the few candidates left.
        var ranked = select.ToSql($"d.id, d.name, d.amount, d.stage, d.type, d.close_date, d.created_at, d.close_pushes, d.stage_entered_at, " +
            string.Concat(groups.Select((g, i) => $"{ForecastGroupSql.Column(g)} AS g{i}, ")) +
            $"ROW_NUMBER() OVER ({partition}ORDER BY d.amount DESC, d.id) AS rn");
        // The push count and stage entry are the deal's latest history rows', kept on the deal by the history triggers.
        // The candidates' order among themselves is their order among all the period's open deals (amount, then id):
        // numbered after the cut, the few rows left are sorted once more instead of all of them twice.
        var sql = $"SELECT ROW_NUMBER() OVER (ORDER BY c.amount DESC, c.id), {string.Concat(groups.Select((g, i) => ForecastGroupSql.Key(g, i) + ", "))}c.id, c.name, c.amount, c.stage, c.type, c.close_date, COALESCE(c.close_pushes, 0), " +
            $"({dialect.EpochSeconds(now)} - {dialect.EpochSeconds($"COALESCE(c.stage_entered_at, c.created_at, {now})")}) / 86400, " +
            "CASE WHEN c.stage_entered_at IS NULL THEN 0 ELSE 1 END " +
            $"FROM ({ranked}) c{string.Concat(groups.Select(ForecastGroupSql.Join))} WHERE c.rn <= {Candidates} ORDER BY c.amount DESC, c.id";
        return await SqlRunner.QueryAsync(context.Db, sql, p, r =>
        {
            var k = new string?[n];
            for (var i = 0; i < n; i++) k[i] = r.Text(i + 1);
            return new Sliced<ForecastCandidate>(k, new ForecastCandidate(r.Count(0), null,
                r.Text(n + 1)!, r.Text(n + 2), r.Number(n + 3), r.Text(n + 4) ?? "", r.Text(n + 5) ?? "",
                Day(r.GetValue(n + 6)), (int)r.Count(n + 7), r.Count(n + 8), r.Count(n + 9) > 0));
        }, ct);
    }

    /// <summary>
    /// The deals driving the answer and each group's, from <paramref name="candidates"/> in the statement's order (each group's
    /// <see cref="Candidates"/> largest; <see cref="ForecastCandidate.Group"/> is the breakdown's value).
    /// </summary>
    public static ForecastTopDeals Rank(IReadOnlyList<ForecastCandidate> candidates, ForecastCheckpoint at, ForecastModel model, bool grouped)
    {
        var deals = candidates.Select(r => (r.Group, Deal: new ForecastDeal(r.Id, r.Name, r.Amount, model.Probability(new ForecastFeatures(
            r.Close < at.AtDay ? CloseBucket.OverdueInPeriod : CloseBucket.Ahead, r.HasStage ? r.Stage : "", Band(r.Age), r.Type, AmountBand(r.Amount), Math.Min(2, r.Pushes))), r.Pushes))).ToList();
        static List<ForecastDeal> Top(IEnumerable<ForecastDeal> candidates) => [.. candidates.OrderByDescending(d => (double)d.Amount * d.Probability).Take(Shown)];
        return new ForecastTopDeals(
            Top(deals.Take(Candidates).Select(d => d.Deal)),
            !grouped ? new Dictionary<string, IReadOnlyList<ForecastDeal>>() : deals.GroupBy(d => d.Group ?? "").ToDictionary(gr => gr.Key, gr => (IReadOnlyList<ForecastDeal>)Top(gr.Select(d => d.Deal)), StringComparer.Ordinal));
    }

    private static DateOnly Day(object value) => value switch
    {
        DateOnly day => day,
        DateTime time => DateOnly.FromDateTime(time),
        _ => DateOnly.Parse(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!, System.Globalization.CultureInfo.InvariantCulture),
    };

    private static int Band(long days) => days < 21 ? 0 : days < 60 ? 1 : days < 120 ? 2 : 3;

    private static int AmountBand(decimal amount) =>
        amount < 1_000 ? 0 : amount < 3_000 ? 1 : amount < 10_000 ? 2 : amount < 30_000 ? 3 : amount < 100_000 ? 4 : amount < 300_000 ? 5 : amount < 1_000_000 ? 6 : 7;
}

/// <summary>The deals driving the whole answer, and each group's (keyed by the group's key, "" for none).</summary>
internal sealed record ForecastTopDeals(IReadOnlyList<ForecastDeal> Total, IReadOnlyDictionary<string, IReadOnlyList<ForecastDeal>> ByGroup);

/// <summary>
/// An open deal that may drive the number: <see cref="Order"/> is its place among the candidates read with it (amount
/// descending, then id, as the database orders them: the order of all the open deals expected in the period);
/// <see cref="Group"/> the breakdown's value, if any.
/// </summary>
internal sealed record ForecastCandidate(long Order, string? Group, string Id, string? Name, decimal Amount, string Stage, string Type, DateOnly Close, int Pushes, long Age, bool HasStage);

/// <summary>A row grouped by several dimensions: <see cref="Keys"/> holds each one's value, in the order asked.</summary>
internal sealed record Sliced<T>(string?[] Keys, T Row);
