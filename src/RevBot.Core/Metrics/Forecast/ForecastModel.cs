using System.Collections.Concurrent;

namespace RevBot.Core.Metrics.Forecast;

/// <summary>
/// The arithmetic, over the cells the database returned (no I/O, so unit tests build histories by hand). A deal's
/// probability of being won before the period ends is the share of deals in its feature cell at past checkpoints that
/// were; a thin cell is shrunk toward the next coarser one (<see cref="ForecastFeatures.Levels"/>) with
/// <see cref="Prior"/> pseudo-deals, so a cell of 3 deals leans on its stage and a cell of 300 speaks for itself.
/// </summary>
internal sealed class ForecastModel
{
    /// <summary>Pseudo-deals of the coarser level a cell's own rate is mixed with.</summary>
    public const double Prior = 8;

    /// <summary>Below this many deal-checkpoints of history (or this many wins) the model does not answer: the weighted number does, labelled.</summary>
    public const int MinExamples = 40;

    public const int MinWins = 5;

    /// <summary>z of the 10th and 90th percentiles of a normal distribution.</summary>
    private const double Z90 = 1.2815515655446004;

    private readonly Dictionary<string, (double N, double Won)> _levels = new(StringComparer.Ordinal);
    private readonly double _overall;

    // A feature cell's probability depends only on the learned levels: computed once per cell and shared by the models
    // of every group (WithRunRates), read by concurrent questions.
    private readonly ConcurrentDictionary<ForecastFeatures, double> _probabilities = new();

    public ForecastModel(IEnumerable<ForecastCell> training, IReadOnlyList<ForecastRunRate> pastRunRates, int trainingPeriods)
    {
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(pastRunRates);
        double n = 0, won = 0;
        var byPeriod = new Dictionary<int, List<ForecastCell>>();
        foreach (var cell in training)
        {
            n += cell.Deals;
            won += cell.Won;
            foreach (var level in cell.Features.Levels())
            {
                var (ln, lw) = _levels.GetValueOrDefault(level);
                _levels[level] = (ln + cell.Deals, lw + cell.Won);
            }
            if (!byPeriod.TryGetValue(cell.Checkpoint, out var list)) byPeriod[cell.Checkpoint] = list = [];
            list.Add(cell);
        }
        Examples = (long)n;
        Wins = (long)won;
        TrainingPeriods = trainingPeriods;
        _overall = n == 0 ? 0 : won / n;
        (RunRate, RunRateVariance) = RunRateOf(pastRunRates, trainingPeriods);
        // How far each past period's open pipeline converted above or below what the model says of it: periods differ
        // together (a good quarter lifts every deal), which independent deals alone would understate.
        var ratios = byPeriod.Values
            .Select(cells => (Expected: cells.Sum(c => Probability(c.Features) * (double)c.Amount), Actual: cells.Sum(c => (double)c.WonAmount)))
            .Where(r => r.Expected > 0).Select(r => r.Actual / r.Expected).ToList();
        var mean = ratios.Count == 0 ? 1 : ratios.Average();
        PeriodSpread = ratios.Count < 2 ? 0.25 : Math.Sqrt(ratios.Sum(r => (r - mean) * (r - mean)) / (ratios.Count - 1));
        SlipRate = SlipOf(training);
        _pastPipeline = byPeriod.Values.Select(cells => (double)cells.Sum(c => c.Amount)).DefaultIfEmpty(0).Average();
    }

    /// <summary>The same learned model with other run rates (a group's): the levels, spread and slip rate are the company's.</summary>
    private ForecastModel(ForecastModel learned, IReadOnlyList<ForecastRunRate> pastRunRates)
    {
        _levels = learned._levels;
        _overall = learned._overall;
        _probabilities = learned._probabilities;
        _pastPipeline = learned._pastPipeline;
        Examples = learned.Examples;
        Wins = learned.Wins;
        TrainingPeriods = learned.TrainingPeriods;
        PeriodSpread = learned.PeriodSpread;
        SlipRate = learned.SlipRate;
        (RunRate, RunRateVariance) = RunRateOf(pastRunRates, TrainingPeriods);
    }

    /// <summary>This model with <paramref name="pastRunRates"/> as its run rates of deals not created yet (the learning is not repeated).</summary>
    public ForecastModel WithRunRates(IReadOnlyList<ForecastRunRate> pastRunRates)
    {
        ArgumentNullException.ThrowIfNull(pastRunRates);
        return new ForecastModel(this, pastRunRates);
    }

    private static (double Mean, double Variance) RunRateOf(IReadOnlyList<ForecastRunRate> pastRunRates, int trainingPeriods)
    {
        var runRates = pastRunRates.Select(r => (double)r.CreatedAndWonAmount).ToList();
        while (runRates.Count < trainingPeriods) runRates.Add(0);
        var mean = runRates.Count == 0 ? 0 : runRates.Average();
        return (mean, runRates.Count < 2 ? mean * mean : runRates.Sum(r => (r - mean) * (r - mean)) / (runRates.Count - 1));
    }

    private readonly double _pastPipeline;

    /// <summary>
    /// How much bigger the company's open pipeline is now than at the past checkpoints, between ½ and 2: the run rate of
    /// deals not created yet grows with the company (a growing company's past quarters understate its next one).
    /// </summary>
    /// <param name="openNow">The whole company's open pipeline at checkpoint 0 (whatever the question's filter).</param>
    public double Growth(decimal openNow)
    {
        var now = (double)openNow;
        return _pastPipeline <= 0 || now <= 0 ? 1 : Math.Clamp(now / _pastPipeline, 0.5, 2);
    }

    public long Examples { get; }

    public long Wins { get; }

    public int TrainingPeriods { get; }

    /// <summary>Enough history to answer from it (<see cref="MinExamples"/>, <see cref="MinWins"/>).</summary>
    public bool Enough => Examples >= MinExamples && Wins >= MinWins;

    /// <summary>Mean bookings per past period from deals created after the checkpoint and won before the period ended.</summary>
    public double RunRate { get; }

    public double RunRateVariance { get; }

    /// <summary>Standard deviation of past periods' actual ÷ expected conversion of the open pipeline.</summary>
    public double PeriodSpread { get; }

    /// <summary>Of the deals expected to close in the period at past checkpoints, the share that did not close (won or lost) in it; null without any.</summary>
    public double? SlipRate { get; }

    /// <summary>P(won before the period ends) for a deal with these features.</summary>
    public double Probability(ForecastFeatures features) => _probabilities.GetOrAdd(features, Learned);

    private double Learned(ForecastFeatures features)
    {
        var levels = features.Levels().ToList();
        var p = _overall;
        for (var i = levels.Count - 1; i >= 0; i--)
        {
            var (n, won) = _levels.GetValueOrDefault(levels[i]);
            p = (won + (Prior * p)) / (n + Prior);
        }
        return p;
    }

    /// <summary>Expected bookings of the open cells, with the variance of independent deals plus the periods' spread.</summary>
    public (double Expected, double Variance) Open(IEnumerable<ForecastCell> open)
    {
        ArgumentNullException.ThrowIfNull(open);
        double expected = 0, bernoulli = 0;
        foreach (var cell in open)
        {
            var p = Probability(cell.Features);
            expected += p * (double)cell.Amount;
            bernoulli += p * (1 - p) * (double)cell.AmountSquares;
        }
        return (expected, bernoulli + ((PeriodSpread * expected) * (PeriodSpread * expected)));
    }

    /// <summary>P10 and P90 of a total with this mean and variance (normal approximation), never below what is already won.</summary>
    public static (double P10, double P90) Range(double won, double mean, double variance)
    {
        var sd = Math.Sqrt(Math.Max(0, variance));
        return (Math.Max(won, mean - (Z90 * sd)), mean + (Z90 * sd));
    }

    private static double? SlipOf(IEnumerable<ForecastCell> training)
    {
        double expected = 0, closed = 0;
        foreach (var cell in training.Where(c => c.Features.Close is CloseBucket.Ahead or CloseBucket.OverdueInPeriod))
        {
            expected += cell.Deals;
            closed += cell.Closed;
        }
        return expected == 0 ? null : 1 - (closed / expected);
    }
}
