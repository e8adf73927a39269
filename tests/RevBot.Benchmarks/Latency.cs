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
}
