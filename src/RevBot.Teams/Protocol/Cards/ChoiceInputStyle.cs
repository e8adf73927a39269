using System.Text.Json.Serialization;

namespace RevBot.Teams.Protocol.Cards;

/// <summary>Input.ChoiceSet <c>style</c>: dropdown, radio/check list, or type-ahead (1.5).</summary>
[JsonConverter(typeof(CardEnumConverter<ChoiceInputStyle>))]
public enum ChoiceInputStyle
{
    Compact,
    Expanded,
    Filtered,
}
