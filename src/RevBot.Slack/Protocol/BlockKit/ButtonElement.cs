namespace RevBot.Slack.Protocol.BlockKit;

/// <summary>A button: text up to 75 characters, value up to 2000, action_id up to 255.</summary>
public sealed record ButtonElement(PlainText Text, string ActionId) : BlockElement("button")
{
    public string? Value { get; init; }
    public ButtonStyle? Style { get; init; }
    public string? AccessibilityLabel { get; init; }

    /// <summary>Asked before the press is sent; null sends it at once.</summary>
    public ConfirmDialog? Confirm { get; init; }
}
