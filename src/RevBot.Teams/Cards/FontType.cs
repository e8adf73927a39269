using System.Text.Json.Serialization;

namespace RevBot.Teams.Cards;

/// <summary>TextBlock/TextRun <c>fontType</c>.</summary>
[JsonConverter(typeof(CardEnumConverter<FontType>))]
public enum FontType
{
    Default,
    Monospace,
}
