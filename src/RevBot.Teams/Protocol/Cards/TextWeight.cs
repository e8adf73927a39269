using System.Text.Json.Serialization;

namespace RevBot.Teams.Protocol.Cards;

/// <summary>TextBlock/TextRun <c>weight</c>.</summary>
[JsonConverter(typeof(CardEnumConverter<TextWeight>))]
public enum TextWeight
{
    Default,
    Lighter,
    Bolder,
}
