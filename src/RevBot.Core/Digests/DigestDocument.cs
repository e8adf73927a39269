using System.Globalization;
using System.Text.Json.Serialization;

namespace RevBot.Core.Digests;

/// <summary>
/// The JSON of a digest (<c>revbot digest preview --format json</c>): <c>{ "kind", "period": { "start", "end" },
/// "metrics": [ { "metric", "value", "previous", ... } ], "sections": [ { "title", "items" } ], "charts": [ file names ] }</c>.
/// The period is last week; each metric also says which span it covers ("week", "quarter_to_date", "quarter") and
/// the question that reproduces it. Ratios are fractions, as in <c>revbot ask</c>.
/// </summary>
public sealed record DigestDocument(
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("period")] DigestDocumentPeriod Period,
    [property: JsonPropertyName("metrics")] IReadOnlyList<DigestDocumentMetric> Metrics,
    [property: JsonPropertyName("sections")] IReadOnlyList<DigestDocumentSection> Sections,
    [property: JsonPropertyName("charts")] IReadOnlyList<string> Charts)
{
    public static DigestDocument From(Digest digest)
    {
        ArgumentNullException.ThrowIfNull(digest);
        return new DigestDocument(
            DigestKinds.Name(digest.Kind),
            new DigestDocumentPeriod(Day(digest.Week.Start), Day(digest.Week.End)),
            [.. digest.Metrics.Select(m => new DigestDocumentMetric(m.Metric, Scope(m.Scope), m.Value.Value, m.Previous?.Value, m.Target, m.Question))],
            [.. digest.Sections.Select(s => new DigestDocumentSection(s.Id, s.Title, s.Available ? null : s.EmptyText,
                [.. s.Items.Select(i => new DigestDocumentItem(i.Text, i.Value, i.SubjectId, i.Detail, i.Question))]))],
            [.. digest.Charts.Select(c => c.FileName)]);
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Scope(DigestScope scope) => scope switch
    {
        DigestScope.Week => "week",
        DigestScope.QuarterToDate => "quarter_to_date",
        _ => "quarter",
    };
}
