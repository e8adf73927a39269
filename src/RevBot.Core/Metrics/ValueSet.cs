namespace RevBot.Core.Metrics;

/// <summary>
/// Several values of one dimension ("West and East") or every value but these ("excluding EMEA"). A single included
/// value stays a plain filter (<see cref="MetricQuery.Filters"/>); a dimension is in one of the two, never both.
/// </summary>
public sealed record ValueSet(IReadOnlyList<string> Values, bool Exclude)
{
    /// <summary>The values as people read them (a rep's name for an e-mail key), in the same order; null when they are the values.</summary>
    public IReadOnlyList<string>? Labels { get; init; }
}
