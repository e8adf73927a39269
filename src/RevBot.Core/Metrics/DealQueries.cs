using System.Globalization;
using RevBot.Core.Domain;
using RevBot.Core.Metrics.Sql;

namespace RevBot.Core.Metrics;

/// <summary>
/// The aggregate queries over deals. Each filters on an indexed range first ((status, closed_at),
/// (status, close_date) or created_at), joins accounts/users only when a filter or breakdown needs them, and
/// returns one row per group. The closed, open and created statements also take the question's deal amount range.
/// </summary>
internal static class DealQueries
{
    private const string From = "deals d";

    public static async Task<Grouped<ClosedStats>> ClosedAsync(MetricContext context, Dimension? groupBy, ClosedDeals scope, CancellationToken ct)
    {
        if (await ClosedDayRollup.TryClosedAsync(context, groupBy, scope, ct) is { } rolledUp) return rolledUp;
        if (await AccountPeriodRollup.TryClosedAsync(context, groupBy, scope, ct) is { } byAccount) return byAccount;
        var (select, p) = context.Select(From, DealDimensions.Of);
        select.Where(scope.StatusSql("d"));
        ClosedBetween(select, p, scope.FromUtc, scope.ToUtc);
        if (scope.Type is { } type) select.Where($"d.type = {p.Add(EnumText.Format(type))}");
        SqlFilters.Amount(select, p, context.Conditions.Amount);
        var dialect = context.Dialect;
        var cycle = $"{dialect.EpochSeconds("d.closed_at")} - {dialect.EpochSeconds("d.created_at")}";
        // A won-only (or lost-only) statement sums plain columns and leaves the other status's at 0: by account
        // (~93,000 groups) the hash aggregate's state is half the size and its CASEs go (docs/benchmarks.md).
        string Won(string what) => scope.LostOnly ? "0" : scope.WonOnly ? Sum(what) : $"SUM(CASE WHEN d.status = 'won' THEN {what} ELSE 0 END)";
        string Lost(string what) => scope.WonOnly ? "0" : scope.LostOnly ? Sum(what) : $"SUM(CASE WHEN d.status = 'lost' THEN {what} ELSE 0 END)";
        static string Sum(string what) => what == "1" ? "COUNT(*)" : $"SUM({what})";
        var amounts = scope.Columns != ClosedColumns.Counts;
        var aggregates = $"{Won("1")}, {(amounts ? Won("d.amount") : "0")}, {Lost("1")}, {(amounts ? Lost("d.amount") : "0")}, " + (scope.Columns == ClosedColumns.All
            ? $"SUM(CASE WHEN d.status = 'won' AND d.created_at IS NOT NULL THEN {cycle} ELSE 0 END), SUM(CASE WHEN d.status = 'won' AND d.created_at IS NOT NULL THEN 1 ELSE 0 END)"
            : "0, 0");
        return await SqlGrouping.AdditiveAsync(context, select, p, Breakdown(groupBy), aggregates, ClosedStats.RankColumn(context),
            ClosedStats.Read, ClosedStats.Empty, ClosedStats.Add, ct);
    }

    /// <summary>Open deals; with <paramref name="inPeriod"/>, those whose expected close date falls in the period (all of them for an unbounded period).</summary>
    public static Task<Grouped<OpenStats>> OpenAsync(MetricContext context, Dimension? groupBy, bool inPeriod, CancellationToken ct) =>
        OpenAsync(context, groupBy, inPeriod, OpenSums.Weighted, ct);

    /// <summary>
    /// As <see cref="OpenAsync(MetricContext, Dimension?, bool, CancellationToken)"/> without the weighted amount (left
    /// at 0): the per-row probability (a CASE over the stages) is half of the statement's time over every open deal.
    /// </summary>
    public static Task<Grouped<OpenStats>> OpenAmountAsync(MetricContext context, Dimension? groupBy, bool inPeriod, CancellationToken ct) =>
        OpenAsync(context, groupBy, inPeriod, OpenSums.Amount, ct);

    /// <summary>Only how many deals are open now (amounts left at 0), which PostgreSQL can count from the (status, close_date) index alone.</summary>
    public static Task<Grouped<OpenStats>> OpenCountAsync(MetricContext context, Dimension? groupBy, CancellationToken ct) =>
        OpenAsync(context, groupBy, inPeriod: false, OpenSums.Count, ct);

    private enum OpenSums { Count, Amount, Weighted }

    private static async Task<Grouped<OpenStats>> OpenAsync(MetricContext context, Dimension? groupBy, bool inPeriod, OpenSums sums, CancellationToken ct)
    {
        var period = context.Window.Period;
        var bounded = inPeriod && (period.HasStart || period.HasEnd);
        if (await OpenDealRollup.TryOpenAsync(context, groupBy, bounded, amounts: sums != OpenSums.Count, weighted: sums == OpenSums.Weighted, ct) is { } rolledUp)
            return rolledUp;
        var (select, p) = context.Select(From, DealDimensions.Of);
        select.Where("d.status = 'open'");
        if (inPeriod && period.HasStart) select.Where($"d.close_date >= {p.Day(period.Start)}");
        if (inPeriod && period.HasEnd) select.Where($"d.close_date <= {p.Day(period.End)}");
        SqlFilters.Amount(select, p, context.Conditions.Amount);
        var aggregates = sums switch
        {
            OpenSums.Count => "COUNT(*), 0, 0",
            OpenSums.Amount => "COUNT(*), SUM(d.amount), 0",
            _ => $"COUNT(*), SUM(d.amount), SUM(d.amount * {Probability(context, p)})",
        };
        var rank = sums == OpenSums.Count ? null : context.RankColumn(s => s switch { RankedStat.OpenAmount => 1, RankedStat.OpenWeighted when sums == OpenSums.Weighted => 2, _ => null });
        return await SqlGrouping.AdditiveAsync(context, select, p, Breakdown(groupBy), aggregates, rank,
            (r, i) => new OpenStats(r.Count(i), r.Number(i + 1), r.Number(i + 2) / 100m), OpenStats.Empty, OpenStats.Add, ct);
    }

    public static async Task<Grouped<CountAmount>> CreatedAsync(MetricContext context, Dimension? groupBy, CancellationToken ct)
    {
        if (await CreatedDayRollup.TryCreatedAsync(context, groupBy, ct) is { } rolledUp) return rolledUp;
        var (select, p) = context.Select(From, DealDimensions.Of);
        var window = context.Window;
        if (window.FromUtc is null && window.ToUtc is null) select.Where("d.created_at IS NOT NULL");
        if (window.FromUtc is { } from) select.Where($"d.created_at >= {p.Instant(from)}");
        if (window.ToUtc is { } to) select.Where($"d.created_at < {p.Instant(to)}");
        SqlFilters.Amount(select, p, context.Conditions.Amount);
        var rank = context.RankColumn(s => s == RankedStat.CreatedAmount ? 1 : null);
        return await SqlGrouping.AdditiveAsync(context, select, p, Breakdown(groupBy), "COUNT(*), SUM(d.amount)", rank,
            (r, i) => new CountAmount(r.Count(i), r.Number(i + 1)), CountAmount.Empty, CountAmount.Add, ct);
    }

    /// <summary>
    /// Accounts whose first won new-business deal closed in the period: a won new deal in the period counts when it is
    /// its account's earliest won new deal; the group is that first deal's. The correlated probe runs once per candidate
    /// deal through the account_id index, so its cost follows the period's deals, not the table's. In one process: in
    /// parallel, the workers split the probes but add their start and a core's worth of contention to an answer that
    /// already runs the period and its comparison at once (the serial plan took less CPU and wall, docs/benchmarks.md, H26).
    /// </summary>
    public static async Task<Grouped<long>> NewCustomersAsync(MetricContext context, Dimension? groupBy, CancellationToken ct)
    {
        var (select, p) = context.Select(From, DealDimensions.Of);
        select.Where("d.status = 'won'").Where("d.type = 'new'").Where("d.account_id IS NOT NULL");
        ClosedBetween(select, p, context.Window.FromUtc, context.Window.ToUtc);
        // Deals closed at the same time (a CRM that keeps only dates) would each be first: the smallest id wins, so every new
        // customer lands in exactly one group and the groups add up to the total.
        var id = p.Dialect.IsPostgres ? "COLLATE \"C\"" : "";
        select.Where("NOT EXISTS (SELECT 1 FROM deals e WHERE e.account_id = d.account_id AND e.status = 'won' AND e.type = 'new' " +
            $"AND (e.closed_at < d.closed_at OR (e.closed_at = d.closed_at AND e.id {id} < d.id {id})))");
        var rows = await SqlGrouping.RunSerialAsync(context, select, p, Breakdown(groupBy), "COUNT(DISTINCT d.account_id)", (r, i) => r.Count(i), ct);
        return SqlGrouping.Additive(rows, groupBy is not null, 0L, (a, b) => a + b);
    }

    /// <summary>Distinct accounts with a won expansion deal closed in the period, grouped by account-level dimensions only.</summary>
    public static async Task<Grouped<long>> ExpandedAccountsAsync(MetricContext context, Dimension? groupBy, CancellationToken ct)
    {
        var accounts = AccountDimensions.OfDealAccounts;
        var (select, p) = context.Select(From, accounts.Of);
        select.Where("d.status = 'won'").Where("d.type = 'expansion'").Where("d.account_id IS NOT NULL");
        ClosedBetween(select, p, context.Window.FromUtc, context.Window.ToUtc);
        var rows = await SqlGrouping.RunAsync(context, select, p, groupBy is { } g ? accounts.Of(g) : null, "COUNT(DISTINCT d.account_id)", (r, i) => r.Count(i), ct);
        return SqlGrouping.Additive(rows, groupBy is not null, 0L, (a, b) => a + b);
    }

    private static DimensionSql? Breakdown(Dimension? groupBy) => groupBy is { } g ? DealDimensions.Of(g) : null;

    private static void ClosedBetween(SqlSelect select, SqlParameters p, DateTime? fromUtc, DateTime? toUtc)
    {
        if (fromUtc is { } from) select.Where($"d.closed_at >= {p.Instant(from)}");
        if (toUtc is { } to) select.Where($"d.closed_at < {p.Instant(to)}");
    }

    /// <summary>A deal's probability in percent: its own, else its stage's configured default, else 0 for a stage the company has not configured.</summary>
    private static string Probability(MetricContext context, SqlParameters p) => $"COALESCE(d.probability, {StageProbability(context, p, "d.stage")})";

    /// <summary>The configured default probability in percent of the stage in <paramref name="stage"/> (0 for a stage not configured).</summary>
    internal static string StageProbability(MetricContext context, SqlParameters p, string stage)
    {
        var stages = context.Company.EffectiveStages;
        if (stages.Count == 0) return "0";
        var cases = string.Join(" ", stages.Select(s => $"WHEN {p.Add(s.Name)} THEN {s.Probability.ToString(CultureInfo.InvariantCulture)}"));
        return $"CASE {stage} {cases} ELSE 0 END";
    }
}
