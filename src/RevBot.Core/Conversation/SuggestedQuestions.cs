using RevBot.Core.Localization;

namespace RevBot.Core.Conversation;

/// <summary>
/// Every fixed question RevBot offers as something to try, in one place: the welcome card, help, the "I didn't get
/// that" examples, the Home tab's questions, the topic suggestions and the deal finder's examples. Each is a question
/// RevBot answers; SuggestedQuestionTests asks them all, and the buttons under each answer, on the demo company.
/// </summary>
public static class SuggestedQuestions
{
    /// <summary>The buttons of the welcome card (Teams, on install).</summary>
    public static IReadOnlyList<string> Welcome(string language) => Split(language, nameof(Catalog.TeamsWelcomeExamples));

    /// <summary>The buttons of "help": 4–6 questions, one per kind of answer.</summary>
    public static IReadOnlyList<string> Help(string language) => Split(language, nameof(Catalog.HelpExamples));

    /// <summary>Offered when nothing better is known ("I didn't get that" with no topic to go on).</summary>
    public static IReadOnlyList<string> Fallback(string language) => Split(language, nameof(Catalog.AnswerExamples));

    /// <summary>The two questions the Slack Home tab asks as the person ("my pipeline"); they need a mapped user.</summary>
    public static IReadOnlyList<string> Home(string language) =>
        [Texts.Get(language, nameof(Catalog.HomePipelineQuestion)), Texts.Get(language, nameof(Catalog.HomeClosingQuestion))];

    /// <summary>The examples under "no deal found"; they ask about the person's own deals.</summary>
    public static IReadOnlyList<string> DealNotFound(string language) =>
        [Texts.Get(language, nameof(Catalog.DealSearchExampleOpen)), Texts.Get(language, nameof(Catalog.DealSearchExampleClosing))];

    /// <summary>All of the above and every topic's suggestions, without repeats.</summary>
    public static IReadOnlyList<string> Everywhere(string language) =>
        [.. Welcome(language).Concat(Help(language)).Concat(Fallback(language)).Concat(Home(language)).Concat(DealNotFound(language))
            .Concat(Suggestions.All(language)).Distinct(StringComparer.Ordinal)];

    private static string[] Split(string language, string key) => Texts.Get(language, key).Split('|');
}
