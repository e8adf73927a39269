using System.Text.Json.Serialization;
using RevBot.Core.Periods;

namespace RevBot.Core.Answers;

public sealed record AnswerPeriod(
    [property: JsonPropertyName("start")] string Start,
    [property: JsonPropertyName("end")] string End,
    [property: JsonPropertyName("label")] string Label)
{
    public static AnswerPeriod From(Period period)
    {
        ArgumentNullException.ThrowIfNull(period);
        return new(period.Start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            period.End.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), period.Label);
    }
}
