
using RevBot.Slack.Protocol.BlockKit;

namespace RevBot.Slack.Protocol.WebApi;

/// <summary>
/// A message posted to an interaction's <c>response_url</c> (valid 30 minutes, 5 uses): ephemeral by default,
/// <see cref="SlackResponseType.InChannel"/> to show it to everyone, or replacing the message the button was on.
/// </summary>
public sealed record ResponseUrlMessage(string Text, IReadOnlyList<Block>? Blocks = null)
{
    public SlackResponseType? ResponseType { get; init; }
    public bool? ReplaceOriginal { get; init; }
    public bool? DeleteOriginal { get; init; }
    public string? ThreadTs { get; init; }

    public static ResponseUrlMessage From(SlackMessage message, SlackResponseType type = SlackResponseType.Ephemeral)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new(message.Text, message.Blocks) { ResponseType = type };
    }
}
