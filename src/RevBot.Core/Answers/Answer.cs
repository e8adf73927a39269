using System.Text.Json.Serialization;
using RevBot.Core.Images;
using RevBot.Core.Replies;

namespace RevBot.Core.Answers;

/// <summary>
/// The answer to one question: the contract of <c>revbot ask --format json</c> and <c>POST /api/ask</c>
/// (ratios are fractions; fields that do not apply are absent), plus the <see cref="Reply"/> the chat adapters render.
/// </summary>
public sealed record Answer
{
    [JsonPropertyName("understood")] public bool Understood { get; init; }
    [JsonPropertyName("intent")] public required string Intent { get; init; }
    [JsonPropertyName("language")] public string Language { get; init; } = "en";
    [JsonPropertyName("metric")] public string? Metric { get; init; }
    [JsonPropertyName("period")] public AnswerPeriod? Period { get; init; }
    [JsonPropertyName("filters")] public IReadOnlyDictionary<string, string>? Filters { get; init; }
    [JsonPropertyName("filterSets")] public IReadOnlyDictionary<string, AnswerValueSet>? FilterSets { get; init; }
    [JsonPropertyName("amount")] public AnswerAmount? Amount { get; init; }
    [JsonPropertyName("groupBy")] public string? GroupBy { get; init; }
    /// <summary>The breakdown within each group ("loss_reason" for "loss reasons by region"): each group's rows carry their own breakdown.</summary>
    [JsonPropertyName("thenBy")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ThenBy { get; init; }
    [JsonPropertyName("limit")] public int? Limit { get; init; }

    /// <summary>
    /// With a metric's breakdown: how many groups it has in all. <see cref="Breakdown"/> carries the first 100 (by value,
    /// as the answer ranks them); a breakdown of more groups is ranked and cut in the database.
    /// </summary>
    [JsonPropertyName("groups")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Groups { get; init; }
    [JsonPropertyName("value")] public decimal? Value { get; init; }
    [JsonPropertyName("unit")] public string? Unit { get; init; }
    [JsonPropertyName("currency")] public string? Currency { get; init; }
    [JsonPropertyName("numerator")] public decimal? Numerator { get; init; }
    [JsonPropertyName("denominator")] public decimal? Denominator { get; init; }
    /// <summary>The money behind a count (the lost deals' amount in "why did we lose"); absent elsewhere.</summary>
    [JsonPropertyName("lostAmount")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public decimal? LostAmount { get; init; }

    /// <summary>For <c>forecast</c>: how it was computed (range, split, history, drivers, risks).</summary>
    [JsonPropertyName("forecast")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public AnswerForecast? Forecast { get; init; }

    /// <summary>For <c>pipeline_needed</c>: the historical sales cycle and the day pipeline must be created by to count.</summary>
    [JsonPropertyName("pipelineTiming")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public AnswerPipelineTiming? PipelineTiming { get; init; }

    [JsonPropertyName("breakdown")] public IReadOnlyList<AnswerBreakdownEntry>? Breakdown { get; init; }
    [JsonPropertyName("comparison")] public AnswerComparison? Comparison { get; init; }
    /// <summary>For a scorecard ("how are we doing?"): each headline metric with its comparison.</summary>
    [JsonPropertyName("metrics")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<AnswerScorecardEntry>? Metrics { get; init; }

    [JsonPropertyName("items")] public IReadOnlyList<AnswerItem>? Items { get; init; }

    /// <summary>For <c>schedule</c>: the question put on a schedule, when and where it is sent, and its options.</summary>
    [JsonPropertyName("schedule")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public AnswerSchedule? Schedule { get; init; }

    /// <summary>For a watch ("tell me when …"): what is watched, the line, who is told (docs/watches.md).</summary>
    [JsonPropertyName("watch")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public WatchRequest? Watch { get; init; }

    /// <summary>The kinds of data the answer needs and none of is loaded ("spend", "subscriptions"): then there is no value.</summary>
    [JsonPropertyName("missingData")] public IReadOnlyList<string>? MissingData { get; init; }
    [JsonPropertyName("text")] public required string Text { get; init; }

    /// <summary>The chart drawn for the answer when one was asked for ("chart bookings by month"); its PNG is <see cref="ChartImage"/>.</summary>
    [JsonPropertyName("chart")] public AnswerChart? Chart { get; init; }

    /// <summary>The chart's PNG (the digests' renderer): Slack uploads it, Teams stores it for its card, the CLI writes it.</summary>
    [JsonIgnore] public DigestImage? ChartImage { get; init; }
    [JsonIgnore] public Reply Reply { get; init; } = new() { Title = "", Text = "" };
}
