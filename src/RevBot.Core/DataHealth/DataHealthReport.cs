namespace RevBot.Core.DataHealth;

/// <summary>What "data health" found: duplicate contacts and accounts, and open deals missing what a forecast needs.</summary>
public sealed record DataHealthReport(
    IReadOnlyList<DataHealthCheck<DuplicatePair>> Duplicates,
    IReadOnlyList<DataHealthCheck<DealIssue>> Deals)
{
    public IEnumerable<DuplicatePair> Pairs => Duplicates.SelectMany(d => d.Examples);
}
