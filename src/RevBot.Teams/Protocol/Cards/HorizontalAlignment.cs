using System.Text.Json.Serialization;

namespace RevBot.Teams.Protocol.Cards;

/// <summary><c>horizontalAlignment</c> and <c>horizontalCellContentAlignment</c>.</summary>
[JsonConverter(typeof(CardEnumConverter<HorizontalAlignment>))]
public enum HorizontalAlignment
{
    Left,
    Center,
    Right,
}
