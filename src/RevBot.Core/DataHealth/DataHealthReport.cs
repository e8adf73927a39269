namespace RevBot.Core.DataHealth;

/// <summary>What "data health" found: duplicate contacts and accounts, and open deals missing what a forecast needs.</summary>
public sealed record DataHealthReport(
    IReadOnlyList<DataHealthCheck<DuplicatePair>> Duplicates,
    IReadOnlyList<DataHealthCheck<DealIssue>> Deals)
{
    /// <summary>Each pair once, with every reason it was found for ("same e-mail; same name, same account").</summary>
    public IEnumerable<DuplicatePair> Pairs => Duplicates.SelectMany(d => d.Examples)
        .GroupBy(p => p.MergeValue, StringComparer.Ordinal)
        .Select(g => g.First() with { Reason = string.Join("; ", g.Select(p => p.Reason)) });
}
