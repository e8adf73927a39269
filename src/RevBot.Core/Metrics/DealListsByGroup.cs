namespace RevBot.Core.Metrics;

/// <summary>
/// The first N deals of a list for every (region, segment) pair (<see cref="DealLister.ListByRegionAndSegmentAsync"/>).
/// The first N of any region, segment or both are among their pairs' first N, so <see cref="Pick"/> answers each of
/// those filters exactly as the filtered query would, ties on amount broken by id in the same (ordinal) order.
/// </summary>
internal sealed class DealListsByGroup(IReadOnlyList<DealListsByGroup.Row> rows, int limit, bool ascending)
{
    /// <summary>One listed deal and the region and segment keys the filters compare (null when it has none).</summary>
    public sealed record Row(string? Region, string? Segment, DealListItem Deal);

    /// <summary>The list for an optional region and an optional segment (null: not filtered on it).</summary>
    public IReadOnlyList<DealListItem> Pick(string? region, string? segment)
    {
        var matching = rows.Where(r => (region is null || string.Equals(r.Region, region, StringComparison.Ordinal))
                                       && (segment is null || string.Equals(r.Segment, segment, StringComparison.Ordinal)))
            .Select(r => r.Deal);
        var ordered = ascending ? matching.OrderBy(d => d.Amount) : matching.OrderByDescending(d => d.Amount);
        return [.. ordered.ThenBy(d => d.Id, StringComparer.Ordinal).Take(limit)];
    }
}
