using System.Text.Json.Serialization;

namespace RevBot.Teams.Protocol.Cards;

/// <summary>Input.Text <c>style</c> (Password is 1.5).</summary>
[JsonConverter(typeof(CardEnumConverter<TextInputStyle>))]
public enum TextInputStyle
{
    Text,
    Tel,
    Url,
    Email,
    Password,
}
