using System.Text.Json.Serialization;

namespace RevBot.Core.Forecasting;

/// <summary>
/// The backtest's result, in the JSON shape of issue #21: per method its error over the period-checkpoints (MAPE and
/// bias as fractions of the actual; coverage, the share of actuals inside P10–P90, for the history model only), and
/// every period-checkpoint's numbers.
/// </summary>
public sealed record BacktestReport(
    [property: JsonPropertyName("methods")] IReadOnlyDictionary<string, BacktestScore> Methods,
    [property: JsonPropertyName("periods")] IReadOnlyList<BacktestRow> Periods);

public sealed record BacktestScore(
    [property: JsonPropertyName("mape")] double? Mape,
    [property: JsonPropertyName("bias")] double? Bias,
    [property: JsonPropertyName("coverage")] double? Coverage);

/// <summary>One past period at one checkpoint (weeks after its start). <see cref="History"/> is the weighted number, labelled by <see cref="FromHistory"/>, when history was too thin.</summary>
public sealed record BacktestRow(
    [property: JsonPropertyName("period")] string Period,
    [property: JsonPropertyName("checkpoint")] int Checkpoint,
    [property: JsonPropertyName("actual")] decimal Actual,
    [property: JsonPropertyName("history")] decimal History,
    [property: JsonPropertyName("weighted")] decimal Weighted,
    [property: JsonPropertyName("call")] decimal? Call)
{
    [JsonIgnore]
    public decimal? P10 { get; init; }

    [JsonIgnore]
    public decimal? P90 { get; init; }

    [JsonIgnore]
    public bool FromHistory { get; init; }
}
