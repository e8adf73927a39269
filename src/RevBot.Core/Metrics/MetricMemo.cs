namespace RevBot.Core.Metrics;

/// <summary>
/// The statistics already read by one <see cref="MetricEngine.EvaluateManyAsync"/> call: metrics that aggregate the
/// same rows the same way (win rate, deals won and deals lost; NRR, GRR and the churn rates) read them once. Keys name
/// the statistic and the breakdown; the period and filters are the call's own.
/// </summary>
internal sealed class MetricMemo
{
    private readonly Dictionary<string, object> _stats = new(StringComparer.Ordinal);

    public async Task<T> GetAsync<T>(string key, Func<Task<T>> read)
    {
        if (_stats.TryGetValue(key, out var known)) return (T)known;
        var value = await read();
        _stats[key] = value!;
        return value;
    }
}
