using System.Text.Json.Serialization;

namespace RevBot.Teams.Protocol.Cards;

/// <summary><c>verticalContentAlignment</c> and <c>verticalCellContentAlignment</c>.</summary>
[JsonConverter(typeof(CardEnumConverter<VerticalAlignment>))]
public enum VerticalAlignment
{
    Top,
    Center,
    Bottom,
}
