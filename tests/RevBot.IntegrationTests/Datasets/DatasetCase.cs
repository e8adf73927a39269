using System.Globalization;

namespace RevBot.IntegrationTests.Datasets;

/// <summary>
/// One dataset question and the answer's shape it must have: metric, period, filters (JSON keys → canonical values),
/// breakdown and list size. The value is not written here: the test computes it from the raw files.
/// </summary>
public sealed record DatasetCase(string Dataset, string Question, string Metric, string Start, string End)
{
    public IReadOnlyDictionary<string, string> Filters { get; init; } = new Dictionary<string, string>();

    public string? GroupBy { get; init; }

    /// <summary>A ranked list ("top 5 reps by …"): the answer's items are the first rows of the breakdown.</summary>
    public int? Limit { get; init; }

    public DateOnly From => DateOnly.ParseExact(Start, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public DateOnly To => DateOnly.ParseExact(End, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public DatasetCase By(string dimension) => this with { GroupBy = dimension };

    public DatasetCase Where(string dimension, string value) => this with { Filters = new Dictionary<string, string>(Filters) { [dimension] = value } };

    /// <summary>Largest first, or with <paramref name="ascending"/> the smallest ("the 3 worst regions").</summary>
    public DatasetCase Top(int n, string dimension, bool ascending = false) => this with { Limit = n, GroupBy = dimension, Ascending = ascending };

    public bool Ascending { get; init; }

    /// <summary>A trend: one breakdown row per month or quarter of the period, keyed by its first day.</summary>
    public string? Grain { get; init; }

    public DatasetCase Trend(string grain) => this with { Grain = grain, GroupBy = "period" };

    public override string ToString() => $"{Dataset}: {Question}";
}
