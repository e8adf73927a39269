using RevBot.Core.Conversation;
using RevBot.Core.Localization;
using RevBot.Core.Replies;
using RevBot.Teams.Protocol.Cards;

namespace RevBot.Teams.App.Rendering;

/// <summary>
/// Shown when RevBot is installed (personal chat, team or group chat): what it does, and questions to try as buttons,
/// in the installer's language (Teams' <c>activity.locale</c>).
/// </summary>
public static class WelcomeCard
{
    /// <summary>The verb of "ask this question" buttons; the same id Core uses for its ask actions.</summary>
    public const string AskVerb = "ask";

    /// <summary>The questions offered as buttons, in <paramref name="language"/> (Core's <see cref="SuggestedQuestions.Welcome"/>).</summary>
    public static IReadOnlyList<string> DefaultExamples(string language = Texts.Neutral) => SuggestedQuestions.Welcome(language);

    public static AdaptiveCard Create(IReadOnlyList<string>? examples = null, bool inChannel = false, string language = Texts.Neutral)
    {
        var questions = examples is { Count: > 0 } ? examples : DefaultExamples(language);
        return new AdaptiveCard
        {
            Body =
            [
                new TextBlock { Text = Texts.Get(language, nameof(Catalog.TeamsWelcomeTitle)), Size = TextSize.Large, Weight = TextWeight.Bolder, Wrap = true },
                new TextBlock { Text = Texts.Get(language, nameof(Catalog.TeamsWelcomeText)), Wrap = true },
                new TextBlock { Text = Texts.Get(language, nameof(Catalog.TeamsWelcomeTry)), Wrap = true, Weight = TextWeight.Bolder, Spacing = Spacing.Medium },
                new TextBlock
                {
                    Text = Texts.Get(language, inChannel ? nameof(Catalog.TeamsWelcomeHintChannel) : nameof(Catalog.TeamsWelcomeHintChat)),
                    Size = TextSize.Small, IsSubtle = true, Wrap = true, Spacing = Spacing.Small,
                },
            ],
            Actions = [.. questions.Take(ReplyCardRenderer.MaxActions).Select(q => ReplyCardRenderer.ToAction(new ReplyAction(AskVerb, q, q)))],
            FallbackText = Texts.Get(language, nameof(Catalog.TeamsWelcomeFallback)),
        };
    }
}
