using System.Text.RegularExpressions;
using RevBot.Core.Conversation;

namespace RevBot.Core.ScheduledQuestions;

/// <summary>The words of "my schedules" and "stop sending …", English and Spanish, on accent-folded lower-case text.</summary>
internal static partial class ScheduledQuestionListReader
{
    private static readonly HashSet<string> Ignored = new(StringComparer.Ordinal)
    {
        "the", "my", "our", "a", "an", "me", "us", "it", "please", "here", "to", "in", "this", "channel", "of", "for", "question", "schedule", "scheduled",
        "el", "la", "los", "las", "mi", "mis", "nuestro", "nuestra", "de", "del", "por", "favor", "aqui", "en", "este", "canal", "pregunta", "programada", "programacion",
    };

    public static bool IsList(string? text, out string language)
    {
        var t = Plain(text);
        language = SpanishList().IsMatch(t) ? "es" : "en";
        return language == "es" || EnglishList().IsMatch(t);
    }

    public static bool ReadStop(string? text, out string what, out string language)
    {
        var t = Plain(text);
        var m = EnglishStop().Match(t);
        language = "en";
        if (!m.Success)
        {
            m = SpanishStop().Match(t);
            language = "es";
        }
        what = m.Success ? m.Groups["what"].Value.Trim() : "";
        return m.Success;
    }

    public static bool MeansAll(string what) => what is "all" or "everything" or "all of them" or "todo" or "todas" or "todos" or "todas ellas";

    /// <summary>The words that tell one question from another ("pipeline", "stage").</summary>
    public static HashSet<string> Words(string text) =>
        [.. Plain(text).Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !Ignored.Contains(w))];

    private static string Plain(string? text) =>
        Spaces().Replace(Punctuation().Replace(Tokenizer.FoldAccents(Tokenizer.Clean(text ?? "")).ToLowerInvariant(), " "), " ").Trim();

    [GeneratedRegex(@"^(?:(?:show|list|what\s+are)\s+(?:me\s+)?)?(?:my|our)\s+(?:schedules|scheduled\s+questions|subscriptions)$|^what\s+am\s+i\s+subscribed\s+to$|^what\s+is\s+scheduled(?:\s+for\s+me|\s+here)?$|^scheduled\s+questions$|^schedules$", RegexOptions.CultureInvariant)]
    private static partial Regex EnglishList();

    [GeneratedRegex(@"^(?:(?:muestra(?:me)?|ver|lista)\s+)?(?:mis|nuestras)\s+(?:programaciones|suscripciones|preguntas\s+programadas)$|^a\s+que\s+estoy\s+suscrit[oa]$|^que\s+(?:tengo|hay)\s+programad[oa]s?(?:\s+aqui)?$|^preguntas\s+programadas$|^programaciones$", RegexOptions.CultureInvariant)]
    private static partial Regex SpanishList();

    [GeneratedRegex(@"^(?:please\s+)?(?:stop|cancel|unschedule|don\s?t\s+send)\s+(?:(?:sending|posting)\s+(?:me\s+|us\s+)?|(?:the\s+|my\s+)?scheduled\s+question\s+|(?:the\s+|my\s+)?schedule\s+(?:for\s+|of\s+)?)(?<what>.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex EnglishStop();

    [GeneratedRegex(@"^(?:por\s+favor\s+)?(?:deja\s+de\s+(?:enviar|mandar|publicar)(?:me|nos)?|no\s+(?:me\s+|nos\s+)?(?:envies|mandes)\s+mas|cancela(?:r)?\s+(?:la\s+|mi\s+)?(?:programacion|pregunta\s+programada)\s+(?:de\s+)?)\s*(?<what>.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex SpanishStop();

    [GeneratedRegex(@"[^\w\s]")]
    private static partial Regex Punctuation();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
