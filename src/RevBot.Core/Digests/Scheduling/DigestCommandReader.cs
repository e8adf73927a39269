using System.Text.RegularExpressions;
using RevBot.Core.Digests.Timing;
using RevBot.Core.Localization;
using RevBot.Core.Metrics;

namespace RevBot.Core.Digests.Scheduling;

/// <summary>
/// Tells digest commands from questions, in English and Spanish: stop ("stop the sales digest here", "cancela el
/// resumen de ventas"), list ("digests", "¿qué resúmenes hay?": a digest word, no kind, no time), and otherwise what
/// <see cref="DigestPhraseParser"/> reads (schedule, preview). A time zone may be named as an IANA id ("Europe/Madrid",
/// "UTC"); it is taken out before the phrase is read. Null when the text is not about digests.
/// </summary>
public static partial class DigestCommandReader
{
    private static readonly string[] StopWords =
        ["stop", "cancel", "unsubscribe", "remove", "delete", "disable", "deten", "detener", "cancela", "cancelar", "quita", "quitar", "elimina", "eliminar", "borra", "borrar", "deja de", "desactiva"];

    private static readonly string[] ScheduleCues =
        ["every", "each", "weekly", "schedule", "post", "here", "cada", "semanal", "semanalmente", "programa", "programar", "publica", "publicar", "aqui"];

    public static DigestChatCommand? Read(string text, IReadOnlyDictionary<string, (Dimension Dimension, string Value)>? known = null)
    {
        text ??= "";
        var zone = ZoneId().Match(text);
        var rest = zone.Success ? text.Remove(zone.Index, zone.Length) : text;
        var plain = DigestPhraseParser.Plain(rest);
        var words = $" {plain} ";
        bool Has(string w) => words.Contains($" {w} ", StringComparison.Ordinal);
        if (!DigestPhraseWords.Digest.Any(Has)) return null;
        var language = DigestPhraseWords.Spanish.Any(Has) ? "es" : "en";
        var kinds = DigestPhraseWords.Kinds.Where(k => Has(k.Word)).Select(k => k.Kind).Distinct().ToList();

        string? timeZone = null;
        if (zone.Success)
        {
            timeZone = zone.Value.Trim();
            if (!TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var found) || !found.HasIanaId && timeZone != "UTC")
                return new DigestChatCommand(DigestCommandAction.Schedule, language)
                {
                    Problem = Texts.Get(language, nameof(Catalog.DigestUnknownZone), timeZone),
                };
        }

        if (StopWords.Any(Has))
        {
            if (kinds.Count == 1) return new DigestChatCommand(DigestCommandAction.Stop, language) { Kind = kinds[0] };
            return new DigestChatCommand(DigestCommandAction.Stop, language)
            {
                Problem = Texts.Get(language, nameof(Catalog.DigestWhichToStop)),
            };
        }
        if (kinds.Count == 0 && !plain.Any(char.IsAsciiDigit)) return new DigestChatCommand(DigestCommandAction.List, language);

        // "informe de ventas" alone is a question, not a subscription: scheduling needs a cue (a day, a time, "every", "post…here").
        var preview = DigestPhraseWords.Preview.Any(Has) || plain.Contains("vista previa", StringComparison.Ordinal);
        if (!preview && !plain.Any(char.IsAsciiDigit) && !ScheduleCues.Any(Has) && !DigestPhraseWords.Days.Any(d => Has(d.Word))
            && !DigestPhraseWords.Weekdays.Any(Has) && !DigestPhraseWords.Daily.Any(w => words.Contains($" {w} ", StringComparison.Ordinal)))
            return null;
        if (!DigestPhraseParser.TryParse(rest, known, out var phrase, out var problem))
            return new DigestChatCommand(DigestCommandAction.Schedule, language) { Problem = problem ?? Texts.Get(language, nameof(Catalog.DigestCantRead)) };
        var action = phrase!.Action == DigestPhraseAction.Preview ? DigestCommandAction.Preview : DigestCommandAction.Schedule;
        return new DigestChatCommand(action, phrase.Language) { Kind = phrase.Schedule.Kind, Schedule = phrase.Schedule, TimeZone = timeZone };
    }

    // "Europe/Madrid", "America/Argentina/Buenos_Aires", or UTC on its own.
    [GeneratedRegex(@"(?<![\w/])(?:[A-Za-z]+(?:/[A-Za-z0-9_+\-]+)+|UTC)(?![\w/])")]
    private static partial Regex ZoneId();
}
