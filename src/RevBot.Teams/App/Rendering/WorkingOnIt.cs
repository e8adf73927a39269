
using RevBot.Core.Localization;
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

    public static AdaptiveCard Card(string? question, string language = Texts.Neutral) => new()
    {
        Body =
        [
            new TextBlock { Text = Texts.Get(language, nameof(Catalog.ChatWorkingOnIt)), Weight = TextWeight.Bolder, Wrap = true },
            .. string.IsNullOrWhiteSpace(question)
                ? Array.Empty<CardElement>()
                : [new TextBlock { Text = CardText.Escape(CardText.Truncate(question, 300)), Size = TextSize.Small, IsSubtle = true, Wrap = true, Spacing = Spacing.Small }],
        ],
        FallbackText = Texts.Get(language, nameof(Catalog.ChatWorkingOnIt)),
    };

    public static BotActivity Placeholder(string? question, string language = Texts.Neutral) =>
        BotActivity.Message(null, Card(question, language).ToAttachment()) with { Summary = Texts.Get(language, nameof(Catalog.ChatWorkingOnIt)) };
}
