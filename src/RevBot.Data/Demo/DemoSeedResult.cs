namespace RevBot.Data.Demo;

/// <summary>What a seed run wrote: rows per table (in load order) and how long it took.</summary>
public sealed record DemoSeedResult(IReadOnlyList<KeyValuePair<string, long>> Rows, TimeSpan Elapsed)
{
    public long this[string table] => Rows.FirstOrDefault(r => r.Key == table).Value;

    public long TotalRows => Rows.Sum(r => r.Value);
}
