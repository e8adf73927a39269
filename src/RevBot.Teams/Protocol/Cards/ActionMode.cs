using System.Text.Json.Serialization;

namespace RevBot.Teams.Protocol.Cards;

/// <summary>Action <c>mode</c> (1.5): Secondary actions go to the overflow menu.</summary>
[JsonConverter(typeof(CardEnumConverter<ActionMode>))]
public enum ActionMode
{
    Primary,
    Secondary,
}
