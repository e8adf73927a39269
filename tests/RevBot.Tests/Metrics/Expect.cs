using RevBot.Core.Metrics;

namespace RevBot.Tests.Metrics;

/// <summary>Compares metric values to hand-computed ones to 10 decimal places (SQLite sums in floating point).</summary>
internal static class Expect
{
    public static void Value(decimal expected, MetricValue actual, string? because = null)
    {
        Assert.True(actual.Value.HasValue, $"{because} expected {expected} but the value is undefined");
        Assert.True(Close(expected, actual.Value!.Value), $"{because} expected {expected} but got {actual.Value}");
    }

    public static void Value(decimal expected, decimal? numerator, decimal? denominator, MetricValue actual)
    {
        Value(expected, actual);
        Assert.Equal(numerator, actual.Numerator is { } n ? Math.Round(n, 10) : null);
        Assert.Equal(denominator, actual.Denominator is { } d ? Math.Round(d, 10) : null);
    }

    public static bool Close(decimal expected, decimal actual) => Math.Round(expected, 10) == Math.Round(actual, 10);

    public static void Rows(MetricResult result, params (string Key, string Label, decimal Value)[] expected)
    {
        var actual = result.Breakdown.Select(r => (r.Key, r.Label, r.Value.Value)).ToList();
        var message = $"rows were: {string.Join("; ", actual.Select(r => $"{r.Key}|{r.Label}|{r.Value}"))}";
        Assert.True(expected.Length == actual.Count, message);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(expected[i].Key == actual[i].Key && expected[i].Label == actual[i].Label, $"row {i}: {message}");
            Assert.True(actual[i].Value is { } v && Close(expected[i].Value, v), $"row {i}: {message}");
        }
    }
}
