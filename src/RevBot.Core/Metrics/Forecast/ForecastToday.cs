namespace RevBot.Core.Metrics.Forecast;

/// <summary>
/// Today's side of every forecast of a period on one day, read once for the whole company grouped by region, segment
/// and team (<see cref="Keys"/>): today's open cells, the won bookings per checkpoint and the candidate top deals, each
/// per slice (a combination of the three values, a dozen on the scale-100 demo). A question filtered or broken down by
/// those dimensions adds up its slices instead of reading its deals again: the cells, rates and sums are the same rows
/// the filtered statements would have grouped (decimal sums, so equal to the cent), and a group's largest deals are among
/// its slices' largest. Other filters, value sets and amount ranges read their deals as before.
/// </summary>
internal sealed record ForecastToday(
    List<Sliced<ForecastCell>> Cells, List<Sliced<ForecastRunRate>> Rates, List<Sliced<ForecastCandidate>> Candidates, decimal CompanyOpen)
{
    public static readonly Dimension[] Keys = [Dimension.Region, Dimension.Segment, Dimension.Team];

    /// <summary>Whether a question with these filters and breakdown can be answered from the slices.</summary>
    public static bool Covers(MetricContext context, Dimension? groupBy) =>
        context.Conditions.IsEmpty && context.Filters.Keys.All(Keys.Contains) && (groupBy is null || Keys.Contains(groupBy.Value));

    /// <summary>
    /// Reads the slices as the filtered statements would read the day's checkpoint: from the deals' current state when the
    /// database knows nothing after it (<see cref="ForecastHistorySql.NothingAfterAsync"/>), else from the history as of
    /// then (an as-of in the data's past: a digest batch built for last Monday, where every filter set would otherwise
    /// pay for its own pass over the history).
    /// </summary>
    public static async Task<ForecastToday?> ReadAsync(MetricContext context, DateTime atUtc, CancellationToken ct)
    {
        var company = new MetricContext(context.Db, context.Company, context.Metric, context.Window, new Dictionary<Dimension, string>());
        var checkpoints = ForecastCheckpoints.For(context.Window, atUtc);
        var current = await ForecastHistorySql.NothingAfterAsync(company, checkpoints[0].AtUtc, ct);
        var cells = await ForecastHistorySql.SlicedCellsAsync(company, [checkpoints[0]], Keys, current, ct);
        var rates = await ForecastHistorySql.SlicedRunRatesAsync(company, checkpoints, Keys, ct);
        var candidates = await ForecastDeals.CandidatesAsync(company, checkpoints[0], Keys, ct);
        // From history the company's open pipeline is the sum of its cells (the same statement, ungrouped): no second pass.
        var open = current ? await ForecastHistorySql.OpenPipelineAsync(company, checkpoints[0], current: true, ct) : cells.Sum(c => c.Row.Amount);
        return new ForecastToday(cells, rates, candidates, open);
    }

    /// <summary>Today's open cells of the question's filter, grouped by its breakdown, as the filtered statement returns them.</summary>
    public List<ForecastCell> CellsFor(MetricContext context, Dimension? groupBy) =>
        [.. Cells.Where(c => Matches(context, c.Keys)).Select(c => c.Row with { Group = Group(groupBy, c.Keys) })
            .GroupBy(c => (c.Checkpoint, c.Group, c.Features))
            .Select(g => g.Skip(1).Aggregate(g.First(), (a, b) => a with
            {
                Deals = a.Deals + b.Deals, Amount = a.Amount + b.Amount, AmountSquares = a.AmountSquares + b.AmountSquares,
                Won = a.Won + b.Won, WonAmount = a.WonAmount + b.WonAmount, Closed = a.Closed + b.Closed, Weighted = a.Weighted + b.Weighted,
            }))];

    /// <summary>The run rates of the question's filter, per checkpoint and breakdown group.</summary>
    public List<ForecastRunRate> RatesFor(MetricContext context, Dimension? groupBy) =>
        [.. Rates.Where(r => Matches(context, r.Keys)).Select(r => r.Row with { Group = Group(groupBy, r.Keys) })
            .GroupBy(r => (r.Checkpoint, r.Group))
            .Select(g => new ForecastRunRate(g.Key.Checkpoint, g.Key.Group, g.Sum(r => r.WonSoFar), g.Sum(r => r.CreatedAndWon), g.Sum(r => r.CreatedAndWonAmount)))];

    /// <summary>
    /// The filter's candidate top deals as <see cref="ForecastDeals.CandidatesAsync"/> returns them for the filter and
    /// breakdown: each group's <see cref="ForecastDeals.Candidates"/> largest, in the database's order.
    /// </summary>
    public List<ForecastCandidate> CandidatesFor(MetricContext context, Dimension? groupBy) =>
        [.. Candidates.Where(c => Matches(context, c.Keys)).Select(c => c.Row with { Group = Group(groupBy, c.Keys) })
            .GroupBy(c => c.Group)
            .SelectMany(g => g.OrderBy(c => c.Order).Take(ForecastDeals.Candidates))
            .OrderBy(c => c.Order)];

    // A filter is "key = value" in SQL: a slice without the value (null) matches no filter.
    private static bool Matches(MetricContext context, string?[] keys) =>
        context.Filters.All(f => keys[Array.IndexOf(Keys, f.Key)] is { } value && string.Equals(value, f.Value, StringComparison.Ordinal));

    private static string? Group(Dimension? groupBy, string?[] keys) => groupBy is { } g ? keys[Array.IndexOf(Keys, g)] : null;
}
