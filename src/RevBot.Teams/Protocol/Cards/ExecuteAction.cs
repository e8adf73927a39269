namespace RevBot.Teams.Protocol.Cards;

/// <summary>
/// A Universal Action: Teams sends an <c>adaptiveCard/action</c> invoke with <see cref="Verb"/> and <see cref="Data"/>
/// (merged with the card's inputs), and the bot answers with a card that replaces this one, or a message.
/// </summary>
public sealed class ExecuteAction : CardAction
{
    public required string Verb { get; init; }
    public object? Data { get; init; }

    /// <summary>"auto" (the default: validate and send the inputs) or "none".</summary>
    public string? AssociatedInputs { get; init; }
}
