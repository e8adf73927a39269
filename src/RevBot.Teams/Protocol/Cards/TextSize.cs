using System.Text.Json.Serialization;

namespace RevBot.Teams.Protocol.Cards;

/// <summary>TextBlock/TextRun <c>size</c>.</summary>
[JsonConverter(typeof(CardEnumConverter<TextSize>))]
public enum TextSize
{
    Default,
    Small,
    Medium,
    Large,
    ExtraLarge,
}
