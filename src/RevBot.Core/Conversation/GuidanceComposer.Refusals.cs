using RevBot.Core.Answers;
using RevBot.Core.Localization;
using RevBot.Core.Replies;

namespace RevBot.Core.Conversation;

/// <summary>The refusal of a question with words RevBot could not place: it names them and what can be asked instead.</summary>
public static partial class GuidanceComposer
{
    public static Answer Refuse(ParsedQuestion question, QuestionVocabulary vocabulary)
    {
        ArgumentNullException.ThrowIfNull(question);
        var examples = question.Suggestions.Count > 0 ? question.Suggestions : DefaultExamples(question.Language);
        var text = RefusalText.For(question.Unplaced, vocabulary, question.Language);
        return Guidance("unknown", question.Language, null, Texts.Get(question.Language, nameof(Catalog.AnswerRefusedTitle)), text,
            [.. examples.Take(4).Select(q => new ReplyAction(FollowUpActions.Ask, q, q))], ReplyKind.NotUnderstood, understood: false);
    }
}
