namespace RevBot.Core.Metrics.Forecast;

/// <summary>
/// Predicts a period's bookings from the company's own history (<see cref="ForecastModel"/>): two statements over the
/// history (<see cref="ForecastHistorySql"/>), the model fitted on the past checkpoints, applied to the open deals of
/// checkpoint 0. The model is learned from the question's filtered company, and per group from the group's own history.
/// </summary>
internal static class Forecaster
{
    /// <param name="learned">The past checkpoints' part, when already read (<see cref="LearnAsync"/>); else read with the rest in one pass.</param>
    public static async Task<Grouped<ForecastPrediction>> PredictAsync(MetricContext context, Dimension? groupBy, DateTime atUtc, bool withDeals, ForecastHistory? learned, CancellationToken ct)
    {
        var checkpoints = ForecastCheckpoints.For(context.Window, atUtc);
        var read = learned is null ? checkpoints : [checkpoints[0]];
        var cells = await ForecastHistorySql.CellsAsync(context, read, groupBy, ct);
        var rates = await ForecastHistorySql.RunRatesAsync(context, read, groupBy, ct);
        if (learned is not null) (cells, rates) = ([.. cells, .. learned.Cells], [.. rates, .. learned.Rates]);
        var (model, total) = Predict(cells, rates);
        var top = withDeals && model.Enough ? await ForecastDeals.TopAsync(context, checkpoints[0], model, ct) : [];
        total = total with { TopDeals = top };
        if (groupBy is null) return Grouped<ForecastPrediction>.Single(total);
        // Each group learns from its own history, so a group's number is the number with that group as a filter.
        var groups = new Dictionary<GroupKey, ForecastPrediction>();
        foreach (var key in cells.Where(c => c.Checkpoint == 0).Select(c => c.Group).Union(rates.Where(r => r.Checkpoint == 0).Select(r => r.Group)).Distinct())
            groups[GroupKey.From(key, null)] = Predict([.. cells.Where(c => c.Group == key)], [.. rates.Where(r => r.Group == key)]).Prediction;
        return new Grouped<ForecastPrediction>(total, groups);
    }

    /// <summary>The past checkpoints' cells and run rates: what the model learns from, the same for every question of the day.</summary>
    public static async Task<ForecastHistory> LearnAsync(MetricContext context, Dimension? groupBy, DateTime atUtc, CancellationToken ct)
    {
        var past = ForecastCheckpoints.For(context.Window, atUtc).Skip(1).ToList();
        return new ForecastHistory(await ForecastHistorySql.CellsAsync(context, past, groupBy, ct), await ForecastHistorySql.RunRatesAsync(context, past, groupBy, ct));
    }

    /// <summary>The model fitted on the past checkpoints' cells and applied to checkpoint 0's (groups, if any, taken together).</summary>
    private static (ForecastModel Model, ForecastPrediction Prediction) Predict(List<ForecastCell> cells, List<ForecastRunRate> rates)
    {
        var training = cells.Where(c => c.Checkpoint > 0).ToList();
        var pastRates = rates.Where(r => r.Checkpoint > 0).GroupBy(r => r.Checkpoint)
            .Select(g => new ForecastRunRate(g.Key, null, g.Sum(r => r.WonSoFar), g.Sum(r => r.CreatedAndWon), g.Sum(r => r.CreatedAndWonAmount))).ToList();
        var model = new ForecastModel(training, pastRates, ForecastCheckpoints.TrainingPeriods);
        var open = cells.Where(c => c.Checkpoint == 0).ToList();
        var won = rates.Where(r => r.Checkpoint == 0).Sum(r => r.WonSoFar);
        return (model, Predict(model, open, won, model.Growth(open), training.Any(c => c.Features.Stage.Length > 0)));
    }

    /// <param name="growth">How much the open pipeline grew since the past checkpoints (<see cref="ForecastModel.Growth"/>).</param>
    private static ForecastPrediction Predict(ForecastModel model, List<ForecastCell> cells, decimal won, double growth, bool hasStages)
    {
        var weighted = won + cells.Sum(c => c.Weighted);
        var info = new ForecastPrediction(weighted, null, null, won, 0, 0, weighted)
        {
            Examples = model.Examples, Wins = model.Wins, Periods = model.TrainingPeriods, HasStageHistory = hasStages, SlipRate = model.SlipRate,
            Risks = Risks(cells),
        };
        if (!model.Enough) return info;
        var (fromOpen, openVariance) = model.Open(cells);
        var runRate = model.RunRate * growth;
        var mean = (double)won + fromOpen + runRate;
        var (p10, p90) = ForecastModel.Range((double)won, mean, openVariance + (model.RunRateVariance * growth * growth));
        return info with
        {
            Expected = Money(mean),
            P10 = Money(p10),
            P90 = Money(p90),
            FromOpen = Money(fromOpen),
            FromNotYetCreated = Money(runRate),
            FromHistory = true,
        };
    }

    private static List<ForecastRisk> Risks(List<ForecastCell> open)
    {
        var inPeriod = open.Where(c => c.Features.Close is CloseBucket.Ahead or CloseBucket.OverdueInPeriod or CloseBucket.OverdueBefore).ToList();
        var risks = new List<ForecastRisk>
        {
            Risk(ForecastRiskKind.PushedTwice, inPeriod.Where(c => c.Features.Pushes >= 2)),
            Risk(ForecastRiskKind.Overdue, inPeriod.Where(c => c.Features.Close is CloseBucket.OverdueBefore or CloseBucket.OverdueInPeriod)),
            Risk(ForecastRiskKind.LongInStage, inPeriod.Where(c => c.Features.AgeBand >= 3 && c.Features.Stage.Length > 0)),
        };
        return [.. risks.Where(r => r.Deals > 0).OrderByDescending(r => r.Amount)];
    }

    private static ForecastRisk Risk(ForecastRiskKind kind, IEnumerable<ForecastCell> cells)
    {
        var list = cells.ToList();
        return new ForecastRisk(kind, list.Sum(c => c.Deals), list.Sum(c => c.Amount));
    }

    private static decimal Money(double value) => Math.Round((decimal)value, 2);
}
