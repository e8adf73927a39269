
using RevBot.Teams.Protocol.Activities;
using RevBot.Teams.Protocol.Cards;

namespace RevBot.Teams.App.Rendering;

/// <summary>
/// What to show while an answer is computed: a typing indicator first, and if it takes longer, a placeholder card that
/// is later replaced in place (ConnectorClient.UpdateAsync with the placeholder's activity id) by the answer card.
/// </summary>
public static class WorkingOnIt
{
    public static BotActivity Typing() => BotActivity.Typing();

    public static AdaptiveCard Card(string? question) => new()
    {
        Body =
        [
            new TextBlock { Text = "Working on it…", Weight = TextWeight.Bolder, Wrap = true },
            .. string.IsNullOrWhiteSpace(question)
                ? Array.Empty<CardElement>()
                : [new TextBlock { Text = CardText.Escape(CardText.Truncate(question, 300)), Size = TextSize.Small, IsSubtle = true, Wrap = true, Spacing = Spacing.Small }],
        ],
        FallbackText = "Working on it…",
    };

    public static BotActivity Placeholder(string? question) =>
        BotActivity.Message(null, Card(question).ToAttachment()) with { Summary = "Working on it…" };
}
