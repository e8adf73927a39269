using System.Globalization;
using System.Text;
using RevBot.Core.Answers;
using RevBot.Core.Conversation;

namespace RevBot.Tests.Conversation;

/// <summary>
/// The reader's property: every word of a question is placed or the question is not answered. Every question the
/// suite expects answered is asked again with an unknown qualifier put in (an invented word, a region, segment,
/// industry or product the company does not have, a name nobody has, a breakdown nobody can do), at the start, in the
/// middle and at the end, in the question's language: each variant must be refused or clarified, and both the parse
/// and the reply text must name the word that was put in.
/// </summary>
public sealed class EveryWordTests
{
    /// <summary>What is put in, and the word the reply must name.</summary>
    private static readonly (string Text, string Named)[] English =
    [
        ("in Narnia", "Narnia"), ("zorbly", "zorbly"), ("for the Zephyr team", "Zephyr"), ("in the Nordics", "Nordics"),
        ("for DACH", "DACH"), ("for startups", "startups"), ("product Quuxware", "Quuxware"), ("by hair colour", "hair colour"),
        ("by country", "country"), ("for Jane Smith", "Jane Smith"), ("adjusted", "adjusted"), ("in healthcare", "healthcare"),
        ("region Atlantis", "Atlantis"), ("for John Doe", "John Doe"),
    ];

    private static readonly (string Text, string Named)[] Spanish =
    [
        ("en Narnia", "Narnia"), ("zorbly", "zorbly"), ("del equipo Zéfiro", "Zéfiro"), ("en los Nordics", "Nordics"),
        ("para pymes", "pymes"), ("producto Quuxware", "Quuxware"), ("por color de pelo", "color de pelo"), ("por país", "país"),
        ("de Jane Smith", "Jane Smith"), ("ajustado", "ajustado"), ("en sanidad", "sanidad"), ("región Atlántida", "Atlántida"),
    ];

    [Fact]
    public void Every_answered_suite_question_with_an_unknown_word_put_in_is_refused_or_clarified_naming_it()
    {
        var answered = QuestionCase.All.Where(c => Intent(c) is "metric" or "list").ToList();
        Assert.True(answered.Count > 400, $"only {answered.Count} answered questions in the suite");
        var failures = new List<string>();
        var variants = 0;
        foreach (var (c, i) in answered.Select((c, i) => (c, i)))
        {
            var context = TestVocabulary.Context(c.AsOf, c.FiscalStartMonth, c.As);
            var es = QuestionParser.Parse(c.Question, context).Language == "es";
            var injections = es ? Spanish : English;
            // Three injections per question, each at another place, turning through the list so every one is used often.
            for (var k = 0; k < 3; k++)
            {
                var (text, named) = injections[((i * 3) + k) % injections.Length];
                var question = Inject(c.Question, text, (i + k) % 3);
                variants++;
                var parsed = QuestionParser.Parse(question, context);
                var reply = parsed.Intent == Core.Answers.Intent.Clarify
                    ? GuidanceComposer.Clarify(parsed, TestVocabulary.Instance).Text
                    : RefusalText.For(parsed.Unplaced, TestVocabulary.Instance, parsed.Language);
                if (parsed.Intent is not (Core.Answers.Intent.Unknown or Core.Answers.Intent.Clarify))
                    failures.Add($"answered: {question}\n    {QuestionSuiteTests.Describe(parsed)}");
                else if (!parsed.Unplaced.Any(u => Fold(u.Text).Contains(Fold(named), StringComparison.Ordinal)))
                    failures.Add($"not named in the parse: {question} → [{string.Join(", ", parsed.Unplaced)}]");
                else if (!Fold(reply).Contains(Fold(named), StringComparison.Ordinal))
                    failures.Add($"not named in the reply: {question} → {reply}");
            }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} of {variants} variants:\n{string.Join("\n", failures.Take(40))}");
    }

    [Fact]
    public void The_suites_answered_questions_place_every_word()
    {
        foreach (var c in QuestionCase.All.Where(c => Intent(c) is "metric" or "list"))
        {
            var parsed = QuestionParser.Parse(c.Question, TestVocabulary.Context(c.AsOf, c.FiscalStartMonth, c.As));
            Assert.True(parsed.Unplaced.Count == 0, $"{c.Question}: {string.Join(", ", parsed.Unplaced)}");
        }
    }

    /// <summary>At the start, after the first word, or at the end (before a closing "?").</summary>
    private static string Inject(string question, string text, int where)
    {
        var q = question.TrimEnd();
        var mark = q.EndsWith('?') ? "?" : "";
        q = q.TrimEnd('?').TrimEnd();
        var space = q.IndexOf(' ', StringComparison.Ordinal);
        return where switch
        {
            0 => $"{text} {q}{mark}",
            1 when space > 0 => $"{q[..space]} {text} {q[(space + 1)..]}{mark}",
            _ => $"{q} {text}{mark}",
        };
    }

    private static string? Intent(QuestionCase c) => c.Expect.TryGetValue("intent", out var v) ? (v as string)?.ToLowerInvariant() : null;

    private static string Fold(string text)
    {
        var sb = new StringBuilder();
        foreach (var ch in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) != UnicodeCategory.NonSpacingMark)
                sb.Append(char.ToLowerInvariant(ch));
        }
        return sb.ToString();
    }
}
