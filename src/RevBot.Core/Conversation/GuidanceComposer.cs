using System.Globalization;
using RevBot.Core.Answers;
using RevBot.Core.Localization;
using RevBot.Core.Metrics;
using RevBot.Core.Replies;

namespace RevBot.Core.Conversation;

/// <summary>Answers that are not numbers: definitions, help, "did you mean…?", and the honest "I don't understand".</summary>
public static partial class GuidanceComposer
{
    /// <summary>The questions offered when nothing better is known (<see cref="SuggestedQuestions.Fallback"/>).</summary>
    public static IReadOnlyList<string> DefaultExamples(string language) => SuggestedQuestions.Fallback(language);

    public static Answer Definition(ParsedQuestion question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var def = MetricCatalog.Get(question.Metric!);
        var language = question.Language;
        var name = def.Name(language);
        var text = $"{MetricAnswerComposer.Capitalize(name, CultureInfo.InvariantCulture)}: " + def.Definition(language);
        var example = Texts.Get(language, nameof(Catalog.AnswerDefinitionExample), name);
        return Guidance("definition", language, def.Id, Texts.Get(language, nameof(Catalog.AnswerDefinitionTitle), name), text,
            [new ReplyAction(FollowUpActions.Ask, Texts.Get(language, nameof(Catalog.AnswerDefinitionShowMe)), example)], ReplyKind.Definition);
    }

    /// <summary>A short list: one line on how to ask, example questions as buttons that ask them, one line on what else RevBot does.</summary>
    public static Answer Help(string language)
    {
        var lead = Texts.Get(language, nameof(Catalog.HelpLead));
        var more = Texts.Get(language, nameof(Catalog.HelpMore));
        var answer = Guidance("help", language, null, Texts.Get(language, nameof(Catalog.AnswerHelpTitle)), $"{lead} {more}",
            [.. SuggestedQuestions.Help(language).Select(q => new ReplyAction(FollowUpActions.Ask, q, q))], ReplyKind.Help);
        return answer with { Reply = answer.Reply with { Text = lead, Context = [more] } };
    }

    public static Answer Clarify(ParsedQuestion question, QuestionVocabulary? vocabulary = null)
    {
        ArgumentNullException.ThrowIfNull(question);
        var language = question.Language;
        var options = ScopeText.Joined(question.Candidates.Select(c => c.Label), nameof(Catalog.AnswerOr), language);
        var text = Texts.Get(language, question.Candidates.Count == 1 ? nameof(Catalog.AnswerClarifyOne) : nameof(Catalog.AnswerClarifyMany), options);
        // Names of different kinds say each kind: "Do you mean the account Smith Inc or the rep Jane Smith?"
        if (question.Candidates.Count > 0 && question.Candidates.All(c => c.Described is not null))
        {
            var described = ScopeText.Joined(question.Candidates.Select(c => c.Described!), nameof(Catalog.AnswerClarifyOrDescribed), language);
            text = Texts.Get(language, question.Candidates.Count == 1 ? nameof(Catalog.AnswerClarifyDescribedOne) : nameof(Catalog.AnswerClarifyDescribedMany), described)
                .Replace(" a el ", " al ", StringComparison.Ordinal); // Spanish contracts "a el" ("al"); English never has it.
        }
        // A name RevBot does not know, in part another kind's ("Jane Smith" → the account Smith Inc): said first.
        if (question.Unplaced.Count > 0)
            text = $"{RefusalText.Lead(question.Unplaced, vocabulary ?? QuestionVocabulary.Empty, language)} {text}";
        return Guidance("clarify", language, question.Metric, Texts.Get(language, nameof(Catalog.AnswerClarifyTitle)), text,
            [.. question.Candidates.Select(c => new ReplyAction(FollowUpActions.Ask, c.Label, c.Question))], ReplyKind.Clarify, understood: false);
    }

    /// <summary>
    /// The reply when RevBot will not answer. Without a <paramref name="reason"/> it did not understand ("I didn't get
    /// that"); with one it understood but cannot answer as asked, and the title says so ("I can't answer that", or
    /// <paramref name="titleKey"/>'s, such as "Who are you?"), never "I didn't get that" above an understood question.
    /// </summary>
    public static Answer NotUnderstood(ParsedQuestion question, string? reason = null, string? titleKey = null)
    {
        ArgumentNullException.ThrowIfNull(question);
        var language = question.Language;
        var examples = question.Suggestions.Count > 0 ? question.Suggestions : DefaultExamples(language);
        var lead = reason ?? Texts.Get(language, nameof(Catalog.AnswerNotUnderstoodLead));
        var text = Texts.Get(language, nameof(Catalog.AnswerNotUnderstood), lead, string.Join(" · ", examples));
        var title = titleKey ?? (reason is null ? nameof(Catalog.AnswerNotUnderstoodTitle) : nameof(Catalog.AnswerCantAnswerTitle));
        return Guidance("unknown", language, null, Texts.Get(language, title), text,
            [.. examples.Take(4).Select(q => new ReplyAction(FollowUpActions.Ask, q, q))], ReplyKind.NotUnderstood, understood: false);
    }

    private static Answer Guidance(string intent, string language, string? metric, string title, string text, IReadOnlyList<ReplyAction> actions, ReplyKind kind, bool understood = true) => new()
    {
        Understood = understood,
        Intent = intent,
        Language = language,
        Metric = metric,
        Text = text,
        Reply = new Reply { Kind = kind, Title = title, Text = text, Actions = actions },
    };
}
