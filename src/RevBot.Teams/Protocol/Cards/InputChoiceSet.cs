namespace RevBot.Teams.Protocol.Cards;

/// <summary>A dropdown, radio list (Expanded), multi-select (comma-separated values) or type-ahead (Filtered).</summary>
public sealed class InputChoiceSet(string id) : CardInput(id)
{
    public required IReadOnlyList<InputChoice> Choices { get; init; }
    public bool? IsMultiSelect { get; init; }
    public ChoiceInputStyle? Style { get; init; }
    public string? Value { get; init; }
    public string? Placeholder { get; init; }
    public bool? Wrap { get; init; }
}
