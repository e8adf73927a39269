using System.Text.Json.Serialization;
using RevBot.Core.Metrics.Forecast;

namespace RevBot.Core.Answers;

/// <summary>
/// What a <c>forecast</c> answer says about how it was computed (docs/forecast.md): the range, the split, the history
/// behind it, the weighted number beside it, the deals driving it and the risks. Every number its text states is here.
/// </summary>
public sealed record AnswerForecast
{
    [JsonPropertyName("fromHistory")] public bool FromHistory { get; init; }
    [JsonPropertyName("p10")] public decimal? P10 { get; init; }
    [JsonPropertyName("p90")] public decimal? P90 { get; init; }
    /// <summary>The percentiles of the range (10 and 90), named in the text ("P10–P90").</summary>
    [JsonPropertyName("percentiles")] public IReadOnlyList<int> Percentiles { get; init; } = [10, 90];
    [JsonPropertyName("won")] public decimal Won { get; init; }
    [JsonPropertyName("fromOpen")] public decimal FromOpen { get; init; }
    [JsonPropertyName("fromNotYetCreated")] public decimal FromNotYetCreated { get; init; }
    [JsonPropertyName("weighted")] public decimal Weighted { get; init; }
    /// <summary>The weighted forecast minus what is won: the weighted open pipeline (the fallback's text names it).</summary>
    [JsonPropertyName("weightedOpen")] public decimal WeightedOpen { get; init; }
    [JsonPropertyName("examples")] public long Examples { get; init; }
    [JsonPropertyName("wins")] public long Wins { get; init; }
    [JsonPropertyName("periods")] public int Periods { get; init; }
    [JsonPropertyName("minExamples")] public int MinExamples { get; init; } = ForecastModel.MinExamples;
    [JsonPropertyName("minWins")] public int MinWins { get; init; } = ForecastModel.MinWins;
    [JsonPropertyName("stageHistory")] public bool StageHistory { get; init; }
    [JsonPropertyName("slipRate")] public double? SlipRate { get; init; }
    /// <summary>For "will we hit the quarter?": the quota and the gap (quota − forecast; negative when ahead).</summary>
    [JsonPropertyName("quota")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public decimal? Quota { get; init; }

    [JsonPropertyName("gap")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public decimal? Gap { get; init; }

    [JsonPropertyName("topDeals")] public IReadOnlyList<AnswerForecastDeal> TopDeals { get; init; } = [];
    [JsonPropertyName("risks")] public IReadOnlyList<AnswerForecastRisk> Risks { get; init; } = [];

    public static AnswerForecast From(ForecastPrediction p, decimal? quota = null)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new AnswerForecast
        {
            FromHistory = p.FromHistory, P10 = p.P10, P90 = p.P90, Won = p.Won, FromOpen = p.FromOpen, FromNotYetCreated = p.FromNotYetCreated,
            Weighted = p.Weighted, WeightedOpen = p.Weighted - p.Won, Examples = p.Examples, Wins = p.Wins, Periods = p.Periods,
            StageHistory = p.HasStageHistory, SlipRate = p.SlipRate, Quota = quota, Gap = quota - p.Expected,
            TopDeals = [.. p.TopDeals.Select(d => new AnswerForecastDeal(d.Id, d.Name, d.Amount, Math.Round(d.Probability, 3), d.Pushes))],
            Risks = [.. p.Risks.Select(r => new AnswerForecastRisk(EnumTextOf(r.Kind), r.Deals, r.Amount))],
        };
    }

    private static string EnumTextOf(ForecastRiskKind kind) => kind switch
    {
        ForecastRiskKind.PushedTwice => "pushed_twice",
        ForecastRiskKind.Overdue => "overdue",
        _ => "long_in_stage",
    };
}

public sealed record AnswerForecastDeal(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("amount")] decimal Amount,
    [property: JsonPropertyName("probability")] double Probability,
    [property: JsonPropertyName("pushes")] int Pushes);

public sealed record AnswerForecastRisk(
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("deals")] long Deals,
    [property: JsonPropertyName("amount")] decimal Amount);
