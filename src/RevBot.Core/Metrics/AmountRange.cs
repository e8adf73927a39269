namespace RevBot.Core.Metrics;

/// <summary>
/// A condition on the deal amount: "over 50k" is Min 50,000 (exclusive), "under 5k" Max 5,000 (exclusive), "at least
/// 50k" Min inclusive, "between 10k and 50k" both ends inclusive, as people mean them. Applies to deal-based metrics
/// and deal lists only (<see cref="MetricSupport.TakesAmount"/>).
/// </summary>
public sealed record AmountRange(decimal? Min, decimal? Max, bool MinInclusive = false, bool MaxInclusive = false)
{
    /// <summary>Two conditions stated apart ("over 10k and under 50k") as one range; the later bound wins on a clash.</summary>
    public AmountRange With(AmountRange other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new AmountRange(
            other.Min ?? Min, other.Max ?? Max,
            other.Min is not null ? other.MinInclusive : MinInclusive,
            other.Max is not null ? other.MaxInclusive : MaxInclusive);
    }
}
