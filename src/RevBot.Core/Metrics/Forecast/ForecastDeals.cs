using RevBot.Core.Metrics.Sql;

namespace RevBot.Core.Metrics.Forecast;

/// <summary>
/// The open deals driving the number: the largest expected in the period, ranked by amount × probability; for a
/// breakdown, each group's too.
/// </summary>
internal static class ForecastDeals
{
    private const int Candidates = 25;
    private const int Shown = 5;

    public static async Task<ForecastTopDeals> TopAsync(MetricContext context, ForecastCheckpoint at, ForecastModel model, Dimension? groupBy, CancellationToken ct)
    {
        var (select, p) = context.Select("deals d", DealDimensions.Of);
        var group = groupBy is { } g ? DealDimensions.Of(g) : null;
        if (group is not null) select.Join(group.Joins);
        select.Where("d.status = 'open'").Where($"d.close_date >= {p.Day(at.FirstDay)}").Where($"d.close_date <= {p.Day(at.LastDay)}");
        SqlFilters.Amount(select, p, context.Conditions.Amount);
        var dialect = p.Dialect;
        var now = p.Instant(at.AtUtc);
        // Each group's largest deals by amount are the candidates (the whole answer's largest are among them).
        var partition = group is null ? "" : $"PARTITION BY {group.Key} ";
        var ranked = select.ToSql($"d.id, d.name, d.amount, d.stage, d.type, d.close_date, d.created_at, d.close_pushes, d.stage_entered_at, {group?.Key ?? "NULL"} AS g, " +
            $"ROW_NUMBER() OVER ({partition}ORDER BY d.amount DESC, d.id) AS rn");
        // The push count and stage entry are the deal's latest history rows', kept on the deal by the history triggers.
        var sql = $"SELECT c.id, c.name, c.amount, c.stage, c.type, c.close_date, COALESCE(c.close_pushes, 0), " +
            $"({dialect.EpochSeconds(now)} - {dialect.EpochSeconds($"COALESCE(c.stage_entered_at, c.created_at, {now})")}) / 86400, " +
            "CASE WHEN c.stage_entered_at IS NULL THEN 0 ELSE 1 END, c.g " +
            $"FROM ({ranked}) c WHERE c.rn <= {Candidates} ORDER BY c.amount DESC, c.id";
        var rows = await SqlRunner.QueryAsync(context.Db, sql, p, r => (
            Id: r.Text(0)!, Name: r.Text(1), Amount: r.Number(2), Stage: r.Text(3) ?? "", Type: r.Text(4) ?? "",
            Close: Day(r.GetValue(5)), Pushes: (int)r.Count(6), Age: r.Count(7), HasStage: r.Count(8) > 0, Group: r.Text(9)), ct);
        var deals = rows.Select(r => (r.Group, Deal: new ForecastDeal(r.Id, r.Name, r.Amount, model.Probability(new ForecastFeatures(
            r.Close < at.AtDay ? CloseBucket.OverdueInPeriod : CloseBucket.Ahead, r.HasStage ? r.Stage : "", Band(r.Age), r.Type, AmountBand(r.Amount), Math.Min(2, r.Pushes))), r.Pushes))).ToList();
        static List<ForecastDeal> Top(IEnumerable<ForecastDeal> candidates) => [.. candidates.OrderByDescending(d => (double)d.Amount * d.Probability).Take(Shown)];
        return new ForecastTopDeals(
            Top(deals.Take(Candidates).Select(d => d.Deal)),
            group is null ? new Dictionary<string, IReadOnlyList<ForecastDeal>>() : deals.GroupBy(d => d.Group ?? "").ToDictionary(gr => gr.Key, gr => (IReadOnlyList<ForecastDeal>)Top(gr.Select(d => d.Deal)), StringComparer.Ordinal));
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
