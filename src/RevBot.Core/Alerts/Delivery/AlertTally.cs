namespace RevBot.Core.Alerts.Delivery;

/// <summary>
/// What one reader's message needs of a scan's subjects, kept as they stream in (<see cref="AlertRouter"/>): per kind how
/// many and their total amount, the first few in the messages' order (kind, then amount, biggest first), the first
/// summary's top five, and the largest alert id (it sets how many ids fit a button). Bounded whatever the number of
/// alerts, so routing a first scan's tens of thousands of new alerts does not hold them all.
/// </summary>
internal sealed class AlertTally(int first)
{
    private readonly SortedDictionary<AlertKind, KindTally> _kinds = [];

    /// <summary>Every subject of <paramref name="subjects"/>, all of them kept in the messages' order.</summary>
    public static AlertTally Of(IReadOnlyCollection<AlertSubject> subjects)
    {
        var tally = new AlertTally(subjects.Count);
        foreach (var s in subjects) tally.Add(s);
        return tally;
    }

    public void Add(AlertSubject subject)
    {
        if (!_kinds.TryGetValue(subject.Kind, out var kind)) _kinds[subject.Kind] = kind = new KindTally();
        kind.Count++;
        kind.Amount += subject.Details?.Amount ?? 0;
        kind.MaxId = Math.Max(kind.MaxId, subject.AlertIds[0]);
        Keep(kind.First, subject, MessageOrder, first);
        Keep(kind.Top, subject, subject.Kind == AlertKind.StalledDeal ? DealsTop : AccountsTop, AlertFirstSummary.Top);
    }

    /// <summary>The kinds <paramref name="include"/> keeps, in the messages' order: their first subjects and how many in all.</summary>
    public AlertList List(Func<AlertKind, bool> include)
    {
        var kinds = _kinds.Where(k => include(k.Key)).Select(k => k.Value).ToList();
        return new AlertList([.. kinds.SelectMany(k => k.First).Take(first)], kinds.Sum(k => k.Count), kinds.Select(k => k.MaxId).DefaultIfEmpty().Max());
    }

    public AlertList All => List(_ => true);

    /// <summary>One kind's count, total amount and top five for the first summary; null when there is none of it.</summary>
    public (int Count, decimal Amount, IReadOnlyList<AlertSubject> Top)? Kind(AlertKind kind) =>
        _kinds.TryGetValue(kind, out var k) ? (k.Count, k.Amount, k.Top) : null;

    /// <summary>Inserts <paramref name="s"/> in order, keeping the first <paramref name="max"/> (the order is total: ties end on the subject id).</summary>
    private static void Keep(List<AlertSubject> kept, AlertSubject s, IComparer<AlertSubject> order, int max)
    {
        var at = kept.BinarySearch(s, order);
        if (at < 0) at = ~at;
        if (at >= max) return;
        kept.Insert(at, s);
        if (kept.Count > max) kept.RemoveAt(max);
    }

    private static decimal Amount(AlertSubject s) => s.Details?.Amount ?? 0;

    /// <summary>The messages' order within a kind: amount, biggest first, then the subject id.</summary>
    private static readonly Comparer<AlertSubject> MessageOrder = Comparer<AlertSubject>.Create((a, b) =>
        Amount(b).CompareTo(Amount(a)) is var c and not 0 ? c : string.CompareOrdinal(a.SubjectId, b.SubjectId));

    /// <summary>The first summary's top deals: amount, then name, then as the messages list them.</summary>
    private static readonly Comparer<AlertSubject> DealsTop = Comparer<AlertSubject>.Create((a, b) =>
        Amount(b).CompareTo(Amount(a)) is var c and not 0 ? c
        : string.CompareOrdinal(a.Name, b.Name) is var n and not 0 ? n : string.CompareOrdinal(a.SubjectId, b.SubjectId));

    /// <summary>The first summary's top accounts: score, then amount, then name, then as the messages list them.</summary>
    private static readonly Comparer<AlertSubject> AccountsTop = Comparer<AlertSubject>.Create((a, b) =>
        (b.Score ?? 0).CompareTo(a.Score ?? 0) is var s and not 0 ? s : DealsTop.Compare(a, b));

    private sealed class KindTally
    {
        public int Count;
        public decimal Amount;
        public long MaxId;
        public readonly List<AlertSubject> First = [];
        public readonly List<AlertSubject> Top = [];
    }
}

/// <summary>The first of a message's subjects in order, how many it has in all, and its largest alert id.</summary>
internal sealed record AlertList(IReadOnlyList<AlertSubject> First, int Total, long MaxId)
{
    /// <summary>All of <paramref name="subjects"/>, in the order given.</summary>
    public static AlertList Of(IReadOnlyList<AlertSubject> subjects) =>
        new(subjects, subjects.Count, subjects.Count == 0 ? 0 : subjects.Max(s => s.AlertIds[0]));
}
