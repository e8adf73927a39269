using System.Text.Json.Serialization;

namespace RevBot.Core.Answers;

/// <summary>
/// A scheduled question as <c>ask --format json</c> and <c>/api/ask</c> show it: the question asked at each run, a
/// five-field cron read in <see cref="TimeZone"/>, who gets it ("me": the asker by direct message; "here": the channel)
/// and the options. <see cref="Next"/> is the next run (UTC) when the schedule was stored or could be placed.
/// </summary>
public sealed record AnswerSchedule
{
    [JsonPropertyName("question")] public required string Question { get; init; }
    [JsonPropertyName("cron")] public required string Cron { get; init; }
    [JsonPropertyName("timeZone")] public string? TimeZone { get; init; }
    [JsonPropertyName("target")] public required string Target { get; init; }
    [JsonPropertyName("onlyIfChanged")] public bool OnlyIfChanged { get; init; }
    [JsonPropertyName("skipIfEmpty")] public bool SkipIfEmpty { get; init; }
    [JsonPropertyName("next")] public DateTimeOffset? Next { get; init; }

    /// <summary>False when the sentence was read but nothing was stored (refused, or asked where no schedule can live: the CLI, the API).</summary>
    [JsonPropertyName("stored")] public bool Stored { get; init; }
}
