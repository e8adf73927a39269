using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace RevBot.Core.Conversation;

/// <summary>
/// Turns chat text into words: drops Slack and Teams mentions and markup, folds accents (people type "region" and
/// "región" alike), splits "win-rate" and "ltv/cac", and keeps dates ("2025-06-01", "6/1/2025"), e-mail addresses and
/// numbers with separators ("50,000", "50.000", "1.5M", read by <see cref="AmountPhrases"/>) whole.
/// </summary>
internal static partial class Tokenizer
{
    [GeneratedRegex(@"<@[^>]*>|<#[^>]*>|<![^>]*>|<at>.*?</at>|<https?:[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex Mentions();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"(?<![\w.])@[\w.-]+", RegexOptions.None)]
    private static partial Regex AtNames();

    [GeneratedRegex(@"['’‘`](?=\d)|['’‘`]s\b|['’‘`]", RegexOptions.IgnoreCase)]
    private static partial Regex Apostrophes();

    [GeneratedRegex(@"\b(jan|january|feb|february|mar|march|apr|april|may|jun|june|jul|july|aug|august|sep|sept|september|oct|october|nov|november|dec|december|enero|ene|febrero|marzo|abril|abr|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|dic)-(jan|january|feb|february|mar|march|apr|april|may|jun|june|jul|july|aug|august|sep|sept|september|oct|october|nov|november|dec|december|enero|ene|febrero|marzo|abril|abr|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|dic)\b", RegexOptions.IgnoreCase)]
    private static partial Regex MonthRange();

    [GeneratedRegex(@"\S*['’‘`]\S*")]
    private static partial Regex Apostrophised();

    [GeneratedRegex(@"(?<=\p{L})[-/:](?=\p{L})")]
    private static partial Regex WordJoiners();

    [GeneratedRegex(@"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}/\d{1,2}(?:/\d{2,4})?|(?i:\d+(?:[.,]\d+)+(?:k|mm|m|bn|b)?)(?![\p{L}\p{N}]|[.,/-]\d)|[\p{L}\p{N}]+|[%&-]")]
    private static partial Regex Words();

    /// <summary>The text without mentions and markup, for language detection and for rewriting clarify options.</summary>
    public static string Clean(string text)
    {
        var cleaned = Mentions().Replace(text ?? "", " ");
        cleaned = Tags().Replace(cleaned, " ");
        cleaned = cleaned.Replace("&amp;", "&", StringComparison.Ordinal).Replace("&nbsp;", " ", StringComparison.Ordinal)
            .Replace("&lt;", "<", StringComparison.Ordinal).Replace("&gt;", ">", StringComparison.Ordinal);
        return AtNames().Replace(cleaned, " ").Trim();
    }

    public static IReadOnlyList<Token> Tokenize(string cleaned)
    {
        var text = Prepare(FoldAccents(cleaned));
        // The same preparation of the text as typed keeps accents in Raw ("año"), for rewritten clarify questions.
        var typed = Prepare(cleaned);
        // Each word's place in the text as typed, found in order, so replies quote the words as typed ("mid-market").
        var folded = FoldAccents(cleaned);
        var aligned = folded.Length == cleaned.Length;
        var cursor = 0;
        var tokens = new List<Token>();
        foreach (Match m in Words().Matches(text))
        {
            var raw = typed.Length == text.Length ? typed.Substring(m.Index, m.Length) : m.Value;
            var at = aligned ? folded.IndexOf(m.Value, cursor, StringComparison.OrdinalIgnoreCase) : -1;
            // A word found further on than where it can be has no place; what stands between may only be a word with an apostrophe ("don't", "'s").
            if (at >= 0 && Apostrophised().Replace(folded[cursor..at], "").Any(char.IsLetterOrDigit))
                at = -1;
            if (at >= 0)
                cursor = at + m.Length;
            tokens.Add(new Token(m.Value.ToLowerInvariant(), raw, tokens.Count) { Source = cleaned, Offset = at });
        }
        return tokens;
    }

    private static string Prepare(string text)
    {
        // "what's" → "what", "Jane's team" → "Jane team": the possessive carries no meaning here; "don't" → "dont";
        // "Q3'25" keeps its two parts apart.
        var prepared = Apostrophes().Replace(text, m => m.Length == 1 && m.Index + 1 < text.Length && char.IsAsciiDigit(text[m.Index + 1]) ? " " : "");
        // "jan-mar" is a range of months, unlike "win-rate" which is one phrase.
        prepared = MonthRange().Replace(prepared, "$1 - $2");
        return WordJoiners().Replace(prepared, " ");
    }

    public static string FoldAccents(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                sb.Append(c);
        }
        return sb.ToString().Normalize(NormalizationForm.FormC);
    }
}
