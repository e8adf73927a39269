using RevBot.Core.Periods;

namespace RevBot.Core.Metrics;

/// <summary>Top (or bottom, when <see cref="Ascending"/>) N deals by amount. Won/lost use closed_at in the period; open uses close_date in the period, or all open deals when <see cref="Period"/> is null.</summary>
public sealed record DealListQuery(DealListKind Kind, Period? Period, IReadOnlyDictionary<Dimension, string> Filters, int Limit = 10, bool Ascending = false)
{
    /// <summary>Value sets and a deal amount range, beyond the one value per dimension of <see cref="Filters"/>.</summary>
    public QueryConditions Conditions { get; init; } = QueryConditions.None;
}
