using RevBot.Core.Answers;
using RevBot.Core.Localization;

namespace RevBot.Core.Conversation;

/// <summary>
/// Says which name a partial or misspelt one was read as ("I read 'acme' as the account Acme Corporation."), so a
/// wrong match can be noticed, in the answer's language.
/// </summary>
public static class MatchText
{
    public static string? For(IReadOnlyList<NameMatch> matches, string language)
    {
        ArgumentNullException.ThrowIfNull(matches);
        if (matches.Count == 0)
            return null;
        // One key per dimension ("MatchAsRegion"): Spanish agrees the article with the noun ("la región", "el equipo").
        var parts = matches.Select(m => Texts.Get(language, "MatchAs" + m.Dimension, m.Typed, m.Name));
        return Texts.Get(language, nameof(Catalog.MatchNote), ScopeText.Joined(parts, nameof(Catalog.AnswerAnd), language));
    }

    /// <summary>The answer with the note added to its text, when a name was matched in part.</summary>
    public static Answer Append(Answer answer, ParsedQuestion question)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(question);
        if (!answer.Understood || For(question.Matched, question.Language) is not { } note)
            return answer;
        return answer with { Text = $"{answer.Text} {note}", Reply = answer.Reply.WithNote(note) };
    }
}
