namespace RevBot.Teams.Protocol.Cards;

public sealed class InputText(string id) : CardInput(id)
{
    public string? Placeholder { get; init; }
    public string? Value { get; init; }
    public bool? IsMultiline { get; init; }
    public int? MaxLength { get; init; }

    /// <summary>A regular expression the value must match (1.3).</summary>
    public string? Regex { get; init; }
    public TextInputStyle? Style { get; init; }
}
