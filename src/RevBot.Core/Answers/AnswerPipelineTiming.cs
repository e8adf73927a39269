using System.Globalization;
using System.Text.Json.Serialization;
using RevBot.Core.Metrics;

namespace RevBot.Core.Answers;

/// <summary>
/// For <c>pipeline_needed</c>: the historical sales cycle (mean days from creation to close of the deals won in the
/// year before the period, and how many), the last day pipeline can be created and still close in the period at that
/// cycle, and whether that day has passed (then new pipeline does not count).
/// </summary>
public sealed record AnswerPipelineTiming
{
    [JsonPropertyName("cycleDays")] public decimal CycleDays { get; init; }
    [JsonPropertyName("cycleDeals")] public long CycleDeals { get; init; }
    [JsonPropertyName("createBy")] public string CreateBy { get; init; } = "";
    [JsonPropertyName("passed")] public bool Passed { get; init; }

    public static AnswerPipelineTiming From(PipelineTiming t)
    {
        ArgumentNullException.ThrowIfNull(t);
        return new AnswerPipelineTiming
        {
            CycleDays = t.CycleDays, CycleDeals = t.CycleDeals, CreateBy = t.CreateBy.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Passed = t.Passed,
        };
    }
}
