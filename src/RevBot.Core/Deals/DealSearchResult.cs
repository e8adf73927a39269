namespace RevBot.Core.Deals;

/// <summary>
/// What a deal search found, best first. <see cref="Exact"/>: the text named one deal outright (its id or its whole
/// name). <see cref="Total"/> counts every hit among the candidates read (at most the candidate limit).
/// </summary>
public sealed record DealSearchResult(IReadOnlyList<DealHit> Hits, int Total, bool Exact, bool TooVague)
{
    public static DealSearchResult Vague { get; } = new([], 0, false, true);
}
