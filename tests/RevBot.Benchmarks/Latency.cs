using System.Diagnostics;

namespace RevBot.Benchmarks;

/// <summary>Times an operation after warm-up and reports the median and 95th percentile in milliseconds.</summary>
internal static class Latency
{
    public static async Task<(double Median, double P95)> MeasureAsync(Func<Task> operation, int iterations, int warmUp = 3)
    {
        for (var i = 0; i < warmUp; i++) await operation();
        var samples = new double[iterations];
        for (var i = 0; i < iterations; i++)
        {
            var sw = Stopwatch.StartNew();
            await operation();
            samples[i] = sw.Elapsed.TotalMilliseconds;
        }
        Array.Sort(samples);
        return (samples[iterations / 2], samples[(int)Math.Ceiling(iterations * 0.95) - 1]);
    }

    /// <summary>The nearest-rank percentile (0 &lt; <paramref name="p"/> ≤ 1) of samples sorted ascending.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(sorted.Count * p) - 1, 0, sorted.Count - 1)];
}
