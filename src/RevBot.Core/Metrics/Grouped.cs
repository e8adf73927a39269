namespace RevBot.Core.Metrics;

/// <summary>A statistic for the whole query and, when broken down, for each group.</summary>
internal sealed record Grouped<T>(T Total, IReadOnlyDictionary<GroupKey, T> Groups)
{
    /// <summary>
    /// How many groups there are in all when <see cref="Groups"/> holds only the first ones (ranked in the database,
    /// <see cref="GroupRanking"/>); null when it holds every group.
    /// </summary>
    public int? GroupCount { get; init; }

    public static Grouped<T> Single(T total) => new(total, new Dictionary<GroupKey, T>());

    public Grouped<TOut> Map<TOut>(Func<T, TOut> map) =>
        new(map(Total), Groups.ToDictionary(g => g.Key, g => map(g.Value))) { GroupCount = GroupCount };

    /// <summary>Combines two statistics group by group; a group missing on one side gets that side's <paramref name="otherEmpty"/> (or <paramref name="empty"/>).</summary>
    public Grouped<TOut> Zip<TOther, TOut>(Grouped<TOther> other, T empty, TOther otherEmpty, Func<T, TOther, TOut> combine)
    {
        ArgumentNullException.ThrowIfNull(other);
        // The groups of a ranked statistic are its first ones only: combined with another's they would not match up.
        if (GroupCount is not null || other.GroupCount is not null) throw new InvalidOperationException("A breakdown ranked in the database cannot be combined group by group.");
        var groups = new Dictionary<GroupKey, TOut>();
        foreach (var key in Groups.Keys.Union(other.Groups.Keys))
        {
            var mine = Groups.TryGetValue(key, out var a) ? a : empty;
            var theirs = other.Groups.TryGetValue(key, out var b) ? b : otherEmpty;
            groups[key] = combine(mine, theirs);
        }
        return new(combine(Total, other.Total), groups);
    }
}
