using RevBot.Core.Metrics.Sql;

namespace RevBot.Core.Metrics;

/// <summary>
/// Open-deal statistics read from PostgreSQL's <c>open_deal_groups</c> rollup: the open deals per stage, alone and with
/// each owner or source, kept exact by triggers in the writing transaction (the OpenDealRollup migration). "Pipeline
/// by stage" then sums five rows instead of every open deal. Used only where it gives the deals' own answer: no
/// expected-close period (open deals are read as they are now, whatever the as-of day, by both), no amount range, and
/// filters and breakdown on the stage and at most one of owner (or team, read as its owners) and source; anything else
/// reads the deals (<see cref="DealQueries"/>).
/// </summary>
internal static class OpenDealRollup
{
    private const string From = "open_deal_groups c";

    /// <summary>The rows (their <c>dimension</c>) that answer for each dimension besides the stage, which every row keeps.</summary>
    private static readonly Dictionary<Dimension, string> Rows = new()
    {
        [Dimension.Owner] = "owner",
        [Dimension.Team] = "owner",
        [Dimension.Source] = "source",
    };

    private static readonly DimensionSql Value = new("c.value", null, []);
    private static readonly DimensionSql Stage = new("c.stage", null, []);

    private static DimensionSql Column(Dimension dimension) => dimension switch
    {
        Dimension.Stage => Stage,
        Dimension.Owner => RollupColumns.OwnerValue,
        Dimension.Team => RollupColumns.TeamValue,
        Dimension.Source => Value,
        _ => throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "The open-deal rollup keeps stage, owner and source only."),
    };

    /// <summary>The rows that answer the question, or null when the rollup cannot.</summary>
    private static string? RowsFor(MetricContext context, Dimension? groupBy, bool bounded)
    {
        if (bounded || context.Conditions.Amount is not null) return null;
        var named = context.Filters.Keys.Concat(context.Conditions.Sets.Keys).Concat(groupBy is { } g ? [g] : [])
            .Where(d => d != Dimension.Stage).Select(d => Rows.GetValueOrDefault(d)).Distinct().ToList();
        return named switch
        {
            [] => "all",
            [{ } one] => one,
            _ => null,
        };
    }

    /// <summary>
    /// The statistics from the rollup, or null when it cannot give the deals' answer. <paramref name="amounts"/> and
    /// <paramref name="weighted"/> say which sums the metric needs (the others come back as 0, as from the deals).
    /// </summary>
    public static async Task<Grouped<OpenStats>?> TryOpenAsync(MetricContext context, Dimension? groupBy, bool bounded, bool amounts, bool weighted, CancellationToken ct)
    {
        if (!context.Dialect.IsPostgres || RowsFor(context, groupBy, bounded) is not { } rows) return null;
        var (select, p) = context.Select(From, Column);
        select.Where($"c.dimension = '{rows}'");
        var aggregates = $"SUM(c.deals), {(amounts ? "SUM(c.amount)" : "0")}, {(weighted ? $"SUM(c.weighted + c.unweighted * {DealQueries.StageProbability(context, p, "c.stage")})" : "0")}";
        var rank = amounts ? context.RankColumn(s => s switch { RankedStat.OpenAmount => 1, RankedStat.OpenWeighted when weighted => 2, _ => null }) : null;
        return await SqlGrouping.AdditiveAsync(context, select, p, groupBy is { } g ? Column(g) : null, aggregates, rank,
            (r, i) => new OpenStats(r.Count(i), r.Number(i + 1), r.Number(i + 2) / 100m), OpenStats.Empty, OpenStats.Add, ct);
    }
}
