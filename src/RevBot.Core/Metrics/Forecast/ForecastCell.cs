namespace RevBot.Core.Metrics.Forecast;

/// <summary>
/// What the model knows of an open deal at a checkpoint: where its expected close date stood, the stage it was in and
/// for how long, its type, its amount band and how often its close date had been pushed. Every value is as it was at
/// the checkpoint (stage history, deal history), never as it is now.
/// </summary>
internal readonly record struct ForecastFeatures(CloseBucket Close, string Stage, int AgeBand, string Type, int AmountBand, int Pushes)
{
    /// <summary>The backoff chain, most specific first: a cell with too few deals borrows from the next coarser one.</summary>
    public IEnumerable<string> Levels()
    {
        yield return $"{Close}|{Stage}|{AgeBand}|{Pushes}|{Type}|{AmountBand}";
        yield return $"{Close}|{Stage}|{AgeBand}|{Pushes}";
        yield return $"{Close}|{Stage}|{Pushes}";
        yield return $"{Close}|{Stage}";
        yield return $"{Close}";
    }
}

/// <summary>Where a deal's expected close date stood at the checkpoint, against the period being predicted.</summary>
internal enum CloseBucket
{
    /// <summary>No close date was known then (no history row by the checkpoint, or none set).</summary>
    Unknown,

    /// <summary>Expected before the period started: already late.</summary>
    OverdueBefore,

    /// <summary>Expected inside the period, before the checkpoint: late, but still this period's.</summary>
    OverdueInPeriod,

    /// <summary>Expected between the checkpoint and the period's end.</summary>
    Ahead,

    /// <summary>Expected after the period.</summary>
    Later,
}

/// <summary>
/// One group of open deals at one checkpoint: how many, their amounts then (sum and sum of squares, for the variance),
/// and for past checkpoints how many of them were won (and closed) before that period ended.
/// </summary>
internal sealed record ForecastCell(int Checkpoint, string? Group, ForecastFeatures Features, long Deals, decimal Amount, decimal AmountSquares, long Won, decimal WonAmount, long Closed, decimal Weighted);

/// <summary>
/// A moment the model predicts from: checkpoint 0 is the period asked about, 1..K the same moment of the K periods
/// before it (their outcomes are known by checkpoint 0, so they train the model).
/// </summary>
internal sealed record ForecastCheckpoint(int Index, DateTime FromUtc, DateTime AtUtc, DateTime ToUtc, DateOnly FirstDay, DateOnly AtDay, DateOnly LastDay);

/// <summary>At one checkpoint: bookings already won in the period, and won by deals created after the checkpoint.</summary>
internal sealed record ForecastRunRate(int Checkpoint, string? Group, decimal WonSoFar, long CreatedAndWon, decimal CreatedAndWonAmount);
