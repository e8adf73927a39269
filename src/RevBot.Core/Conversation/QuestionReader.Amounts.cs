using System.Text.RegularExpressions;
using RevBot.Core.Answers;
using RevBot.Core.Localization;

namespace RevBot.Core.Conversation;

/// <summary>
/// Amount-like words no amount phrase read (<see cref="AmountPhrases"/>): "deals 50k", "over 1.250" in English (thousands
/// or decimals?). Rather than answer for all deals as if the condition were applied, the parser offers the question
/// without it.
/// </summary>
internal sealed partial class QuestionReader
{
    private static readonly string[] Comparators =
        ["over", "above", "under", "below", "greater", "bigger", "larger", "more", "less", "smaller", "exceeding", "than", ">", "<", "mas", "menos", "superior", "superiores", "inferior", "inferiores", "encima", "debajo", "de"];

    [GeneratedRegex(@"^\d+(?:[.,]\d+)*(?:k|m|mm|b|bn|kusd|usd|eur)$|^\d+(?:[.,]\d+)+$")]
    private static partial Regex AmountToken();

    private (int Start, int End)? AmountCondition()
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (spans.Any(s => s.Start <= i && i < s.End))
                continue;
            var text = tokens[i].Text;
            var amount = AmountToken().IsMatch(text);
            var comparedNumber = tokens[i].IsNumber && i > 0 && Comparators.Contains(tokens[i - 1].Text) && !consumedTokens.Contains(i);
            if (!amount && !comparedNumber)
                continue;
            var start = i;
            while (start > 0 && Comparators.Contains(tokens[start - 1].Text))
                start--;
            var end = i + 1;
            while (end < tokens.Count && tokens[end].IsNumber && tokens[end].Text.Length == 3)
                end++;
            return (start, end);
        }
        return null;
    }

    private IReadOnlyList<ClarifyOption> AmountOptions((int Start, int End) condition) =>
    [
        new ClarifyOption(
            Texts.Get(language, nameof(Catalog.AnswerClarifyWithoutAmount)),
            Rewrite([new Span(condition.Start, condition.End - condition.Start, SpanKind.Lexicon, 1)], condition.Start, "")),
    ];
}
