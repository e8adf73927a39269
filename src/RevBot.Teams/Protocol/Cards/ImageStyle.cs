using System.Text.Json.Serialization;

namespace RevBot.Teams.Protocol.Cards;

/// <summary>Image <c>style</c>: Person crops to a circle.</summary>
[JsonConverter(typeof(CardEnumConverter<ImageStyle>))]
public enum ImageStyle
{
    Default,
    Person,
}
