namespace RevBot.Core.Answers;

/// <summary>A candidate offered when a question is ambiguous: the button label and the question it stands for.</summary>
public sealed record ClarifyOption(string Label, string Question)
{
    /// <summary>How the question names this option when its kind matters ("the account Smith Inc"), or null to use the label.</summary>
    public string? Described { get; init; }
}
