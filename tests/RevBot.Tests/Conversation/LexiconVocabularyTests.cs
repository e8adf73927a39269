using RevBot.Core.Answers;
using RevBot.Core.Conversation;
using RevBot.Core.Conversation.Lexicon;
using RevBot.Core.Metrics;
using RevBot.Testing;

namespace RevBot.Tests.Conversation;

/// <summary>
/// The vocabulary as a whole: every way the lexicon names a metric reads as that metric when asked with a period (no
/// synonym is taken by a neighbour), every metric has at least three English and three Spanish phrasings, and
/// docs/questions.md lists exactly the words the lexicon has.
/// </summary>
public sealed class LexiconVocabularyTests
{
    private static readonly DateOnly AsOf = new(2026, 11, 27);
    private static readonly DateOnly LastQuarterStart = new(2026, 7, 1);
    private static readonly DateOnly LastQuarterEnd = new(2026, 9, 30);

    /// <summary>(language, metric, phrase): the catalog's names and every phrase of the lexicon that names a metric outright.</summary>
    private static IEnumerable<(string Language, string Metric, string Phrase)> Phrasings()
    {
        foreach (var metric in MetricCatalog.All)
        {
            yield return ("en", metric.Id, metric.Name("en"));
            yield return ("es", metric.Id, metric.Name("es"));
        }
        foreach (var (language, entries) in new[] { ("en", VocabularyListing.EnglishMetricEntries), ("es", VocabularyListing.SpanishMetricEntries) })
        {
            foreach (var (pattern, cues) in entries)
            {
                foreach (var cue in Cue.ParseSpec(cues).Where(c => c is { Kind: CueKind.Metric, Weak: false }))
                {
                    foreach (var phrase in VocabularyListing.Phrasings(pattern))
                        yield return (language, cue.Value, phrase);
                }
            }
        }
    }

    /// <summary>Null when "&lt;phrase&gt; last quarter" / "&lt;phrase&gt; del trimestre pasado" is the metric over Q3 2026, else what it was read as.</summary>
    private static string? Misread(string language, string metric, string phrase)
    {
        var question = language == "es" ? $"{phrase} del trimestre pasado" : $"{phrase} last quarter";
        var parsed = QuestionParser.Parse(question, TestVocabulary.Context(AsOf));
        var right = parsed.Intent == Intent.Metric && parsed.Metric == metric
            && parsed.Period is { } p && p.Start == LastQuarterStart && p.End == LastQuarterEnd;
        return right ? null : $"'{question}' (expected {metric}): {QuestionSuiteTests.Describe(parsed)}";
    }

    [Fact]
    public void Every_phrase_that_names_a_metric_reads_as_that_metric_and_its_period()
    {
        var wrong = Phrasings().Select(p => Misread(p.Language, p.Metric, p.Phrase)).OfType<string>().Distinct().ToList();
        Assert.True(wrong.Count == 0, $"{wrong.Count} phrasings read as something else:\n" + string.Join("\n", wrong.Take(40)));
    }

    [Fact]
    public void Every_metric_has_at_least_three_English_and_three_Spanish_phrasings()
    {
        var all = Phrasings().Where(p => Misread(p.Language, p.Metric, p.Phrase) is null).Distinct().ToList();
        var thin = MetricCatalog.All
            .SelectMany(m => new[] { "en", "es" }.Select(language => (m.Id, language, Count: all.Count(p => p.Metric == m.Id && p.Language == language))))
            .Where(x => x.Count < 3).Select(x => $"{x.Id} ({x.language}): {x.Count}").ToList();
        Assert.True(thin.Count == 0, "metrics with fewer than three phrasings: " + string.Join(", ", thin));
    }

    [Fact]
    public void The_regional_marks_name_words_the_Spanish_lexicon_has()
    {
        var spanish = SpanishMetricPhrases.Entries.Concat(SpanishPhrases.Entries)
            .SelectMany(e => e.Pattern.Split([' ', '|', ';'], StringSplitOptions.RemoveEmptyEntries)).Select(w => w.TrimEnd('?')).ToHashSet(StringComparer.Ordinal);
        var unknown = VocabularyListing.Spain.Concat(VocabularyListing.LatinAmerica).Where(w => !spanish.Contains(w)).ToList();
        Assert.True(unknown.Count == 0, "marked but not in the Spanish lexicon: " + string.Join(", ", unknown));
        Assert.Empty(VocabularyListing.Spain.Intersect(VocabularyListing.LatinAmerica));
    }

    /// <summary>Set REVBOT_WRITE_VOCABULARY=1 to rewrite the block after changing the lexicon, then review and commit the page.</summary>
    [Fact]
    public void Docs_list_exactly_the_vocabulary_the_lexicon_reads()
    {
        var path = RepoPaths.File("docs", "questions.md");
        var page = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        var begin = page.IndexOf(VocabularyListing.Begin, StringComparison.Ordinal);
        var end = page.IndexOf(VocabularyListing.End, StringComparison.Ordinal);
        Assert.True(begin >= 0 && end > begin, "docs/questions.md has no generated vocabulary block");
        var current = page[begin..(end + VocabularyListing.End.Length)] + "\n";
        var expected = VocabularyListing.Markdown();
        if (current == expected)
            return;
        if (Environment.GetEnvironmentVariable("REVBOT_WRITE_VOCABULARY") == "1")
        {
            File.WriteAllText(path, page[..begin] + expected + page[(end + VocabularyListing.End.Length + 1)..]);
            return;
        }
        Assert.Fail("docs/questions.md's vocabulary differs from the lexicon: run `REVBOT_WRITE_VOCABULARY=1 dotnet test tests/RevBot.Tests "
            + "--filter FullyQualifiedName~LexiconVocabularyTests`, review the page and commit it.");
    }
}
