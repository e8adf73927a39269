namespace RevBot.Core.Metrics.Forecast;

/// <summary>
/// The forecast of one period (and group): expected bookings with P10–P90, split into already won, expected from the
/// open pipeline and expected from deals not created yet; what the CRM-weighted number says beside it; and how much
/// history it stands on. With too little history (<see cref="FromHistory"/> false) <see cref="Expected"/> is the
/// weighted number and the range is empty.
/// </summary>
public sealed record ForecastPrediction(decimal Expected, decimal? P10, decimal? P90, decimal Won, decimal FromOpen, decimal FromNotYetCreated, decimal Weighted)
{
    /// <summary>A group with no open deal and nothing won.</summary>
    public static ForecastPrediction Empty { get; } = new(0m, null, null, 0m, 0m, 0m, 0m);

    public bool FromHistory { get; init; }

    /// <summary>Deal-checkpoints the model learned from (each open deal at each past checkpoint counts once).</summary>
    public long Examples { get; init; }

    public long Wins { get; init; }

    /// <summary>How many past periods were read (the training checkpoints).</summary>
    public int Periods { get; init; }

    /// <summary>Whether any stage history was known at the checkpoints (without it the model uses close dates, age, type and amount only).</summary>
    public bool HasStageHistory { get; init; }

    public double? SlipRate { get; init; }

    public IReadOnlyList<ForecastDeal> TopDeals { get; init; } = [];

    public IReadOnlyList<ForecastRisk> Risks { get; init; } = [];
}

/// <summary>An open deal driving the number: its amount, its probability and so its share of the expectation.</summary>
public sealed record ForecastDeal(string Id, string? Name, decimal Amount, double Probability, int Pushes);

/// <summary>A group of open deals in the period that history says to worry about, and what they are worth.</summary>
public sealed record ForecastRisk(ForecastRiskKind Kind, long Deals, decimal Amount);

public enum ForecastRiskKind
{
    /// <summary>Close date pushed twice or more.</summary>
    PushedTwice,

    /// <summary>Expected close date already passed.</summary>
    Overdue,

    /// <summary>In its stage for 120 days (four months) or more.</summary>
    LongInStage,
}
