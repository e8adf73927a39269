namespace RevBot.IntegrationTests.Datasets;

/// <summary>What the test computed itself: the value, the counts behind it, and the rows of a breakdown (key → value).</summary>
public sealed record Expected(decimal? Value, decimal? Numerator = null, decimal? Denominator = null)
{
    public IReadOnlyDictionary<string, decimal?>? Rows { get; init; }

    public static decimal? Ratio(decimal n, decimal d) => d == 0 ? null : n / d;
}

/// <summary>An independent calculator of the catalog's metrics over a dataset's raw rows (docs/metrics.md's definitions).</summary>
public interface IReference
{
    /// <summary>The metric over the company-local (UTC) days [from, to], with the answer's filters; <paramref name="groupBy"/> adds the rows.</summary>
    Expected Evaluate(string metric, DateOnly from, DateOnly to, IReadOnlyDictionary<string, string> filters, string? groupBy, DateOnly asOf);
}
