using System.Text.Json.Serialization;

namespace RevBot.Core.Answers;

/// <summary>
/// The JSON contract's word that a chart was drawn: its file name, title, alt text (which carries the numbers), how
/// many bars, and the PNG's size. The bytes travel beside the answer (<see cref="Answer.ChartImage"/>), not in it.
/// </summary>
public sealed record AnswerChart(
    [property: JsonPropertyName("file")] string File,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("altText")] string AltText,
    [property: JsonPropertyName("points")] int Points,
    [property: JsonPropertyName("width")] int Width,
    [property: JsonPropertyName("height")] int Height)
{
    [JsonPropertyName("contentType")] public string ContentType => "image/png";
}
