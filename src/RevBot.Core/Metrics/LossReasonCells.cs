using RevBot.Core.Metrics.Sql;

namespace RevBot.Core.Metrics;

/// <summary>
/// "Loss reasons by region": the period's lost deals counted and summed per group and loss reason in one statement
/// (GROUP BY both columns), with the question's filters, value sets and amount range; only the cells come back.
/// </summary>
internal static class LossReasonCells
{
    public static async Task<IReadOnlyList<LossReasonCell>> RunAsync(MetricContext context, Dimension groupBy, CancellationToken ct)
    {
        var (select, p) = context.Select("deals d", DealDimensions.Of);
        select.Where("d.status = 'lost'");
        if (context.Window.FromUtc is { } from) select.Where($"d.closed_at >= {p.Instant(from)}");
        if (context.Window.ToUtc is { } to) select.Where($"d.closed_at < {p.Instant(to)}");
        SqlFilters.Amount(select, p, context.Conditions.Amount);
        var group = DealDimensions.Of(groupBy);
        select.Join(group.Joins);
        var reason = DealDimensions.Of(Dimension.LossReason).Key;
        var sql = select.ToSql($"{group.Key} AS group_key, {group.LabelOrKey} AS group_label, {reason} AS reason, COUNT(*), SUM(d.amount)", "GROUP BY 1, 2, 3");
        return await SqlRunner.QueryAsync(context.Db, sql, p, r =>
        {
            var g = GroupKey.From(r.Text(0), r.Text(1));
            var why = GroupKey.From(r.Text(2), null);
            return new LossReasonCell(g.Key, g.Label, why.Key, why.Label, r.Count(3), r.Number(4));
        }, ct);
    }
}
