namespace RevBot.Slack.Protocol.BlockKit;

/// <summary>
/// A confirmation dialog object: Slack asks it before sending the button's press. Title up to 100 characters, text
/// up to 300, the confirm and deny labels up to 30 (<see cref="BlockKitLimits"/>). <see cref="Style"/> colours the
/// confirm button.
/// </summary>
public sealed record ConfirmDialog(PlainText Title, PlainText Text, PlainText Confirm, PlainText Deny)
{
    public ButtonStyle? Style { get; init; }
}
