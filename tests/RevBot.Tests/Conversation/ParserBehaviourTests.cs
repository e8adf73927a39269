using System.Diagnostics;
using RevBot.Core.Answers;
using RevBot.Core.Conversation;

namespace RevBot.Tests.Conversation;

/// <summary>Properties of the parser as a whole: its own examples and buttons read back, it is fast, and it never throws.</summary>
public sealed class ParserBehaviourTests
{
    private static readonly ParseContext Context = TestVocabulary.Context(new DateOnly(2026, 11, 27), user: "rep@example.com");

    [Theory]
    [InlineData("what's the weather like")]
    [InlineData("what's up with the deal desk lunch")]
    [InlineData("customers and such")]
    [InlineData("¿qué tiempo hace?")]
    [InlineData("leads from marketing")]
    public void Every_suggestion_for_an_unknown_question_is_itself_understood(string question)
    {
        var parsed = QuestionParser.Parse(question, Context);
        Assert.Equal(Intent.Unknown, parsed.Intent);
        foreach (var suggestion in parsed.Suggestions)
        {
            var again = QuestionParser.Parse(suggestion, Context);
            Assert.True(again.Intent is Intent.Metric or Intent.List or Intent.Definition && !again.IsFollowUp, $"{suggestion}: {QuestionSuiteTests.Describe(again)}");
        }
    }

    [Fact]
    public void Suggestions_follow_the_words_used()
    {
        var deals = QuestionParser.Parse("what's up with the deal desk lunch", Context).Suggestions;
        var customers = QuestionParser.Parse("customers and such", Context).Suggestions;
        Assert.Contains(deals, s => s.Contains("deal", StringComparison.OrdinalIgnoreCase) || s.Contains("win rate", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(customers, s => s.Contains("ARR", StringComparison.Ordinal) || s.Contains("churn", StringComparison.OrdinalIgnoreCase));
        Assert.All(QuestionParser.Parse("¿qué tiempo hace?", Context).Suggestions, s => Assert.DoesNotContain("What", s, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("retention this year")]
    [InlineData("revenue by region")]
    [InlineData("win rate for jane")]
    [InlineData("retención neta o bruta")]
    [InlineData("win rate excluding EMEA")]
    public void Every_clarify_button_asks_a_question_the_parser_answers(string question)
    {
        var parsed = QuestionParser.Parse(question, Context);
        if (parsed.Intent != Intent.Clarify)
            return;
        Assert.NotEmpty(parsed.Candidates);
        foreach (var option in parsed.Candidates)
        {
            var again = QuestionParser.Parse(option.Question, Context);
            Assert.True(again.Intent is Intent.Metric or Intent.List or Intent.Definition, $"{option.Question}: {QuestionSuiteTests.Describe(again)}");
        }
    }

    [Fact]
    public void Every_catalog_metric_is_understood_by_its_own_name_in_both_languages()
    {
        foreach (var metric in RevBot.Core.Metrics.MetricCatalog.All)
        {
            foreach (var name in new[] { metric.Name("en"), metric.Name("es") })
            {
                var parsed = QuestionParser.Parse($"{name} last quarter", Context);
                Assert.True(parsed.Metric == metric.Id, $"{name}: {QuestionSuiteTests.Describe(parsed)}");
            }
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("?!")]
    [InlineData("<@U123ABC>")]
    [InlineData("q5 2025 between and since from")]
    [InlineData("since")]
    [InlineData("between 2025-13-45 and 2025-02-30")]
    [InlineData("top top top top")]
    [InlineData("🙂🙂🙂")]
    public void Odd_input_never_throws(string question)
    {
        var parsed = QuestionParser.Parse(question, Context);
        Assert.NotNull(parsed);
    }

    private static readonly string[] SampleQuestions =
    [
        "what's our win rate this quarter?", "top 5 reps by bookings this year", "bookings between 2025-01-01 and 2025-03-31 vs same period last year",
        "¿cuál es nuestra tasa de cierre este trimestre?", "Darcel Schlect win rate in EMEA last quarter", "what's the weather like",
    ];

    [Fact]
    public void Parsing_is_deterministic()
    {
        foreach (var q in SampleQuestions)
            Assert.Equal(QuestionParser.Parse(q, Context), QuestionParser.Parse(q, Context), ParsedComparer.Instance);
    }

    /// <summary>Timed, so not in the default run (a loaded machine fails it for no fault of the code): run it with
    /// the test assembly, <c>-explicit only -trait Category=Timing</c> (docs/benchmarks.md#test-suite-time).</summary>
    [Fact(Explicit = true)]
    [Trait("Category", "Timing")]
    public void Parsing_is_fast()
    {
        var questions = SampleQuestions;
        // The fastest of many small batches: on a shared machine other processes only ever add time.
        var best = double.MaxValue;
        for (var batch = 0; batch < 40; batch++)
        {
            var watch = Stopwatch.StartNew();
            foreach (var q in questions)
                QuestionParser.Parse(q, Context);
            best = Math.Min(best, watch.Elapsed.TotalMilliseconds / questions.Length);
        }
        // The goal is well under a millisecond (Release); the bound leaves room for a Debug build.
        Assert.True(best < 3, $"{best:0.000} ms per question");
    }

    private sealed class ParsedComparer : IEqualityComparer<ParsedQuestion>
    {
        public static ParsedComparer Instance { get; } = new();

        public bool Equals(ParsedQuestion? x, ParsedQuestion? y) => QuestionSuiteTests.Describe(x!) == QuestionSuiteTests.Describe(y!);

        public int GetHashCode(ParsedQuestion obj) => QuestionSuiteTests.Describe(obj).GetHashCode(StringComparison.Ordinal);
    }
}
