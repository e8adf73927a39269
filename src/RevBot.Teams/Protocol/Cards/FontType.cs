using System.Text.Json.Serialization;

namespace RevBot.Teams.Protocol.Cards;

/// <summary>TextBlock/TextRun <c>fontType</c>.</summary>
[JsonConverter(typeof(CardEnumConverter<FontType>))]
public enum FontType
{
    Default,
    Monospace,
}
