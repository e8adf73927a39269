namespace RevBot.Core.Metrics.Forecast;

/// <summary>
/// Predicts a period's bookings from the company's own history (<see cref="ForecastModel"/>): the model is learned
/// from the whole company's past checkpoints (<see cref="LearnAsync"/>: the same table for every filter and breakdown;
/// stage, type, amount band and the rest are features, so a segment's deals get their own rates) and applied to the
/// open deals of the question's filter and each group at checkpoint 0. What is won so far and the run rate of deals
/// not created yet are the filter's and the group's own (<see cref="ForecastHistorySql.RunRatesAsync"/>).
/// </summary>
internal static class Forecaster
{
    /// <param name="learned">The company's learned table for this period and moment (<see cref="LearnAsync"/>), when already read; else read here.</param>
    /// <param name="current">
    /// Checkpoint 0 from the deals' current state (a question), when the database knows nothing after it
    /// (<see cref="ForecastHistorySql.NothingAfterAsync"/>); else, and always for the backtest, from history as of <paramref name="atUtc"/>.
    /// </param>
    /// <param name="today">
    /// Today's open cells, run rates and candidate deals for the whole company by slice (<see cref="ForecastToday"/>), when
    /// read and they cover the question's filters and breakdown: then nothing is read here.
    /// </param>
    public static async Task<Grouped<ForecastPrediction>> PredictAsync(
        MetricContext context, Dimension? groupBy, DateTime atUtc, bool withDeals, ForecastHistory? learned, bool current, CancellationToken ct,
        ForecastToday? today = null)
    {
        var checkpoints = ForecastCheckpoints.For(context.Window, atUtc);
        learned ??= await LearnAsync(context, atUtc, ct);
        List<ForecastCell> open;
        List<ForecastRunRate> rates;
        decimal companyOpen;
        var whole = context.Filters.Count == 0 && context.Conditions.IsEmpty;
        if (today is not null && ForecastToday.Covers(context, groupBy))
        {
            open = today.CellsFor(context, groupBy);
            rates = today.RatesFor(context, groupBy);
            companyOpen = whole ? open.Sum(c => c.Amount) : today.CompanyOpen;
        }
        else
        {
            today = null;
            current = current && await ForecastHistorySql.NothingAfterAsync(context, checkpoints[0].AtUtc, ct);
            open = await ForecastHistorySql.CellsAsync(context, [checkpoints[0]], groupBy, current, ct);
            rates = await ForecastHistorySql.RunRatesAsync(context, checkpoints, groupBy, ct);
            // The run rate grows with the company's pipeline: the whole company's, whatever the filter (the learned table
            // holds the company's past pipelines, not a filter's).
            companyOpen = whole ? open.Sum(c => c.Amount) : await ForecastHistorySql.OpenPipelineAsync(context, checkpoints[0], current, ct);
        }
        var (model, total) = Predict(learned, open, rates, companyOpen);
        var top = !withDeals || !model.Enough ? null
            : today is not null ? ForecastDeals.Rank(today.CandidatesFor(context, groupBy), checkpoints[0], model, groupBy is not null)
            : await ForecastDeals.TopAsync(context, checkpoints[0], model, groupBy, ct);
        total = total with { TopDeals = top?.Total ?? [] };
        if (groupBy is null) return Grouped<ForecastPrediction>.Single(total);
        var groups = new Dictionary<GroupKey, ForecastPrediction>();
        // Looked up once: a breakdown by rep has hundreds of groups over tens of thousands of cells.
        var openOf = open.ToLookup(c => c.Group, StringComparer.Ordinal);
        var ratesOf = rates.ToLookup(r => r.Group, StringComparer.Ordinal);
        foreach (var key in open.Select(c => c.Group).Union(rates.Where(r => r.Checkpoint == 0).Select(r => r.Group)).Distinct())
        {
            var group = Predict(learned, [.. openOf[key]], [.. ratesOf[key]], companyOpen).Prediction;
            groups[GroupKey.From(key, null)] = group with { TopDeals = top?.ByGroup.GetValueOrDefault(key ?? "") ?? [] };
        }
        return new Grouped<ForecastPrediction>(total, groups);
    }

    /// <summary>
    /// The whole company's cells at the past checkpoints of this period and moment (nearly all the work): what the model
    /// learns from, the same for every question of the day whatever its filter or breakdown.
    /// </summary>
    public static async Task<ForecastHistory> LearnAsync(MetricContext context, DateTime atUtc, CancellationToken ct)
    {
        var company = new MetricContext(context.Db, context.Company, context.Metric, context.Window, new Dictionary<Dimension, string>());
        var past = ForecastCheckpoints.For(context.Window, atUtc).Skip(1).ToList();
        return new ForecastHistory(await ForecastHistorySql.CellsAsync(company, past, null, current: false, ct));
    }

    /// <summary>The company's model with these run rates, applied to checkpoint 0's open cells.</summary>
    private static (ForecastModel Model, ForecastPrediction Prediction) Predict(ForecastHistory learned, List<ForecastCell> open, List<ForecastRunRate> rates, decimal companyOpen)
    {
        var pastRates = rates.Where(r => r.Checkpoint > 0).GroupBy(r => r.Checkpoint)
            .Select(g => new ForecastRunRate(g.Key, null, g.Sum(r => r.WonSoFar), g.Sum(r => r.CreatedAndWon), g.Sum(r => r.CreatedAndWonAmount))).ToList();
        var model = learned.Model.WithRunRates(pastRates);
        var won = rates.Where(r => r.Checkpoint == 0).Sum(r => r.WonSoFar);
        return (model, Predict(model, open, won, model.Growth(companyOpen), learned.Cells.Any(c => c.Features.Stage.Length > 0)));
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
