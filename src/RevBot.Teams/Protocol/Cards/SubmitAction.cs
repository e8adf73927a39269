namespace RevBot.Teams.Protocol.Cards;

/// <summary>The pre-Universal-Actions button: Teams sends a message activity whose value is <see cref="Data"/> plus the inputs.</summary>
public sealed class SubmitAction : CardAction
{
    public object? Data { get; init; }
    public string? AssociatedInputs { get; init; }
}
