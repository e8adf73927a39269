using RevBot.Core.Periods;

namespace RevBot.Core.Conversation;

/// <summary>
/// Understands a chat question in English or Spanish: what metric, over which period, filtered and broken down how,
/// or whether it asks for a list, a definition or help. Pure and offline: the text and the context in, a
/// <see cref="ParsedQuestion"/> out, in well under a millisecond.
/// </summary>
/// <remarks>
/// Pipeline: clean and tokenize → detect the language → correct spelling against known words → find every reading
/// (lexicon phrases, period phrases, company names) → keep the best non-overlapping set → fill the slots and decide
/// the intent. When unsure it says so (clarify or unknown) rather than answer the wrong number. See docs/questions.md.
/// </remarks>
public static class QuestionParser
{
    public static ParsedQuestion Parse(string text, ParseContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var cleaned = Tokenizer.Clean(text);
        var raw = Tokenizer.Tokenize(cleaned);
        var language = LanguageDetector.Detect(cleaned.ToLowerInvariant(), raw);
        // "tell me when …", "avísame si …": a watch over a question read by this same parser (WatchSentenceReader).
        if (WatchSentenceReader.Read(text ?? "", language, context) is { } watch)
            return watch;
        var index = EntityIndex.For(context.Vocabulary ?? QuestionVocabulary.Empty);
        if (DealRequestReader.Read(cleaned, language, index.Words.Contains) is { } request)
            return request;
        if (ScheduleSentenceReader.Read(cleaned, language, context) is { } schedule)
            return schedule;
        var tokens = Speller.Correct(raw, index.Words.Contains);
        var fiscal = new FiscalCalendar(context.FiscalYearStartMonth is >= 1 and <= 12 ? context.FiscalYearStartMonth : 1);
        var resolver = new PeriodResolver(context.AsOf, fiscal, language);

        var spans = new List<Span>(PhraseMatcher.Match(tokens));
        var words = tokens.Select(t => t.Word).ToList();
        foreach (var match in new PeriodPhraseParser(resolver, words).FindAll())
        {
            var fuzzy = tokens.Skip(match.Start).Take(match.Length).Any(t => t.Corrected is not null);
            spans.Add(new Span(match.Start, match.Length, SpanKind.Period, fuzzy ? 0.8 : 1.0) { Period = match.Period, Fuzzy = fuzzy });
        }
        spans.AddRange(EntityMatcher.Match(tokens, index));
        spans.AddRange(AmountPhrases.Find(tokens, language));
        var chosen = SpanSelector.Select(tokens.Count, spans);
        return new QuestionReader(tokens, chosen, context, resolver, language).Read();
    }
}
