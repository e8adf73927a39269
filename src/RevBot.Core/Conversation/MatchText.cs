using RevBot.Core.Answers;

namespace RevBot.Core.Conversation;

/// <summary>
/// Says which name a partial or misspelt one was read as ("I read 'acme' as the account Acme Corporation."), so a
/// wrong match can be noticed, in the answer's language.
/// </summary>
public static class MatchText
{
    public static string? For(IReadOnlyList<NameMatch> matches, bool spanish)
    {
        ArgumentNullException.ThrowIfNull(matches);
        if (matches.Count == 0)
            return null;
        var parts = matches.Select(m => spanish
            ? $"«{m.Typed}» como {(m.Dimension is Metrics.Dimension.Region or Metrics.Dimension.Stage or Metrics.Dimension.Account ? "la" : "el")} {DimensionText.Name(m.Dimension, true)} {m.Name}"
            : $"'{m.Typed}' as the {DimensionText.Name(m.Dimension, false)} {m.Name}");
        return spanish ? $"(He entendido {string.Join(" y ", parts)}.)" : $"(I read {string.Join(" and ", parts)}.)";
    }

    /// <summary>The answer with the note added to its text, when a name was matched in part.</summary>
    public static Answer Append(Answer answer, ParsedQuestion question)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(question);
        if (!answer.Understood || For(question.Matched, question.Language == "es") is not { } note)
            return answer;
        return answer with { Text = $"{answer.Text} {note}", Reply = answer.Reply with { Text = $"{answer.Reply.Text} {note}" } };
    }
}
