using System.Text.Json.Serialization;

namespace RevBot.Teams.Protocol.Cards;

/// <summary>Space above an element (<c>spacing</c>).</summary>
[JsonConverter(typeof(CardEnumConverter<Spacing>))]
public enum Spacing
{
    None,
    Small,
    Default,
    Medium,
    Large,
    ExtraLarge,
    Padding,
}
