using System.Text.Json.Serialization;

namespace RevBot.Teams.Protocol.Cards;

/// <summary>A button. The JSON <c>type</c> ("Action.Execute", …) is written first.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ExecuteAction), "Action.Execute")]
[JsonDerivedType(typeof(SubmitAction), "Action.Submit")]
[JsonDerivedType(typeof(OpenUrlAction), "Action.OpenUrl")]
[JsonDerivedType(typeof(ShowCardAction), "Action.ShowCard")]
[JsonDerivedType(typeof(ToggleVisibilityAction), "Action.ToggleVisibility")]
public abstract class CardAction
{
    public string? Title { get; init; }
    public string? Id { get; init; }
    public ActionStyle? Style { get; init; }
    public string? Tooltip { get; init; }
    public ActionMode? Mode { get; init; }
}
