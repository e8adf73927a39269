using System.Text.Json.Serialization;

namespace RevBot.Teams.Protocol.Cards;

/// <summary>Action <c>style</c>: Positive is the primary button, Destructive warns.</summary>
[JsonConverter(typeof(CardEnumConverter<ActionStyle>))]
public enum ActionStyle
{
    Default,
    Positive,
    Destructive,
}
