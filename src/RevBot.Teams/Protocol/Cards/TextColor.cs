using System.Text.Json.Serialization;

namespace RevBot.Teams.Protocol.Cards;

/// <summary>TextBlock/TextRun <c>color</c>.</summary>
[JsonConverter(typeof(CardEnumConverter<TextColor>))]
public enum TextColor
{
    Default,
    Dark,
    Light,
    Accent,
    Good,
    Warning,
    Attention,
}
