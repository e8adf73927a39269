namespace RevBot.Core.Metrics;

/// <summary>
/// What a question narrows beyond one value per dimension: value sets (several values, or all but some) and a deal
/// amount range. Applied in SQL next to the plain filters (<see cref="Sql.SqlFilters"/>).
/// </summary>
public sealed record QueryConditions
{
    public static QueryConditions None { get; } = new();

    public IReadOnlyDictionary<Dimension, ValueSet> Sets { get; init; } = new Dictionary<Dimension, ValueSet>();

    public AmountRange? Amount { get; init; }

    public bool IsEmpty => Sets.Count == 0 && Amount is null;
}
