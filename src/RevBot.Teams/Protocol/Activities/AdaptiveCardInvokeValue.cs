namespace RevBot.Teams.Protocol.Activities;

/// <summary>The <c>value</c> of an <c>adaptiveCard/action</c> invoke: the Action.Execute pressed (or a refresh).</summary>
public sealed record AdaptiveCardInvokeValue
{
    public const string InvokeName = "adaptiveCard/action";

    public AdaptiveCardInvokeAction? Action { get; init; }

    /// <summary>"manual" for a click, "automatic" for a card refresh.</summary>
    public string? Trigger { get; init; }
}
