using System.Globalization;
using System.Text.RegularExpressions;
using RevBot.Core.Answers;
using RevBot.Core.Digests.Scheduling;

namespace RevBot.Core.Conversation;

/// <summary>
/// Reads "every Monday at 9 send me my pipeline by stage", "post bookings by region here on the 1st of each month",
/// "cada lunes a las 9 envíame el pipeline por etapa": the recurrence, time, target and options are taken out, and
/// what is left is the question, read by <see cref="QuestionParser"/> like any other (so a word it cannot place is
/// refused by name). A sentence is a schedule when it has a recurrence and either says more about it (a time, who
/// gets it, an option, "send") or the recurrence cannot be anything else ("every Monday", "cada día"): "bookings
/// each month" and "monthly recurring revenue" stay questions. Digest commands are the digests' own. Null otherwise.
/// </summary>
internal static partial class ScheduleSentenceReader
{
    public static ParsedQuestion? Read(string cleaned, string detectedLanguage, ParseContext context)
    {
        var folded = Tokenizer.FoldAccents(cleaned ?? "").ToLowerInvariant();
        if (!ScheduleRecurrence.All.Any(r => r.Pattern.IsMatch(folded)) || DigestCommandReader.Read(cleaned ?? "") is not null) return null;
        // The words as typed (case, accents) unless folding changed the length.
        var source = cleaned!.Length == folded.Length ? cleaned : folded;
        var taken = new bool[folded.Length];
        var spanish = false;
        string? problem = null;

        var zone = ScheduleSentenceWords.Zone.Match(source);
        if (zone.Success) Take(taken, zone.Index, zone.Length);

        bool onlyIfChanged = TakeAny(ScheduleSentenceWords.OnlyIfChanged, folded, taken, ref spanish);
        bool skipIfEmpty = TakeAny(ScheduleSentenceWords.SkipIfEmpty, folded, taken, ref spanish);

        var recurrences = new List<(ScheduleRecurrence.Kind Kind, Match Match)>();
        foreach (var (pattern, kind, es) in ScheduleRecurrence.All)
        {
            foreach (Match m in pattern.Matches(folded))
            {
                if (IsTaken(taken, m.Index, m.Length)) continue;
                Take(taken, m.Index, m.Length);
                recurrences.Add((kind, m));
                spanish |= es;
            }
        }
        if (recurrences.Count == 0) return null;

        var (hour, minute) = (9, 0);
        var timed = false;
        foreach (var pattern in ScheduleSentenceWords.Times)
        {
            var m = pattern.Match(folded);
            while (m.Success && IsTaken(taken, m.Index, m.Length)) m = m.NextMatch();
            if (!m.Success) continue;
            Take(taken, m.Index, m.Length);
            timed = true;
            if (!TryTime(m, out hour, out minute)) problem ??= Typed(source, m);
            spanish |= m.Value.StartsWith("a la", StringComparison.Ordinal) || m.Groups["es"].Success || m.Value.Contains("mediodia", StringComparison.Ordinal);
            break;
        }

        var me = TakeAny(ScheduleSentenceWords.Me, folded, taken, ref spanish, spanishFrom: 4);
        var here = TakeAny(ScheduleSentenceWords.Here, folded, taken, ref spanish, spanishFrom: 4);
        var verb = TakeAny(ScheduleSentenceWords.Verbs, folded, taken, ref spanish);

        var strong = recurrences.Any(r => r.Kind is ScheduleRecurrence.Kind.MonthDay or ScheduleRecurrence.Kind.Weekdays or ScheduleRecurrence.Kind.Daily or ScheduleRecurrence.Kind.Days);
        if (!strong && !timed && !me && !here && !verb && !onlyIfChanged && !skipIfEmpty) return null;

        var cron = Cron(recurrences, minute, hour, source, ref problem);
        var language = spanish ? "es" : detectedLanguage;
        var question = Remainder(source, taken);
        // Every recurrence was taken out; one that reappears (words joined by what was taken) is not read twice.
        var again = ScheduleRecurrence.All.FirstOrDefault(r => r.Pattern.IsMatch(Tokenizer.FoldAccents(question).ToLowerInvariant())).Pattern;
        if (again is not null) problem ??= again.Match(Tokenizer.FoldAccents(question).ToLowerInvariant()).Value;
        var inner = again is null ? QuestionParser.Parse(question, context) : new ParsedQuestion { Language = language };
        return new ParsedQuestion
        {
            Intent = Intent.Schedule,
            Language = language,
            Confidence = inner.Confidence,
            Schedule = new ScheduleSentence
            {
                Question = question, Inner = inner, Cron = cron, TimeZone = zone.Success ? zone.Groups["id"].Value : null,
                Target = me || !here ? ScheduleTarget.Me : ScheduleTarget.Here, OnlyIfChanged = onlyIfChanged, SkipIfEmpty = skipIfEmpty, Problem = problem,
            },
        };
    }

    private static string Cron(List<(ScheduleRecurrence.Kind Kind, Match Match)> found, int minute, int hour, string source, ref string? problem)
    {
        if (found.FirstOrDefault(r => r.Kind == ScheduleRecurrence.Kind.Unsupported) is { Match: { } unsupported }) problem ??= Typed(source, unsupported);
        var dom = "*";
        var dow = "1";
        if (found.FirstOrDefault(r => r.Kind == ScheduleRecurrence.Kind.MonthDay) is { Match: { } month })
        {
            dom = DayOfMonth(month, source, ref problem);
            dow = "*";
        }
        else if (found.Any(r => r.Kind is ScheduleRecurrence.Kind.Month or ScheduleRecurrence.Kind.WeakMonthly)) (dom, dow) = ("1", "*");
        else if (found.Any(r => r.Kind is ScheduleRecurrence.Kind.Daily or ScheduleRecurrence.Kind.WeakDaily)) dow = "*";
        else if (found.Any(r => r.Kind == ScheduleRecurrence.Kind.Weekdays)) dow = "1-5";
        else if (found.Where(r => r.Kind == ScheduleRecurrence.Kind.Days).SelectMany(r => ScheduleRecurrence.DayName().Matches(r.Match.Groups["days"].Value))
            .Select(m => ScheduleRecurrence.DayNumber(m.Value)).Distinct().Order().ToList() is { Count: > 0 } days)
            dow = string.Join(',', days);
        return string.Create(CultureInfo.InvariantCulture, $"{minute} {hour} {dom} * {dow}");
    }

    /// <summary>"1st" → 1, "last" → L; a day past the 28th is refused (not every month has it: "the last day" is what works).</summary>
    private static string DayOfMonth(Match m, string source, ref string? problem)
    {
        if (m.Groups["w"].Success) return m.Groups["w"].Value is "last" or "ultimo" || m.Groups["w"].Length == 0 ? "L" : "1";
        if (!m.Groups["d"].Success) return "1";
        var day = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
        if (day is >= 1 and <= 28) return day.ToString(CultureInfo.InvariantCulture);
        problem ??= Typed(source, m.Groups["d"]);
        return "1";
    }

    private static bool TryTime(Match m, out int hour, out int minute)
    {
        (hour, minute) = (12, 0);
        if (m.Groups["noon"].Success) return true;
        hour = int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture);
        minute = m.Groups["m"].Success ? int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
        var ap = m.Groups["ap"].Value;
        var afternoon = ap.StartsWith('p') || m.Groups["es"].Value.EndsWith("tarde", StringComparison.Ordinal) || m.Groups["es"].Value.EndsWith("noche", StringComparison.Ordinal);
        var meridiem = ap.StartsWith('a') || ap.StartsWith('p') || m.Groups["es"].Success;
        if (meridiem && hour is 0 or > 12) return false;
        if (meridiem) hour = hour % 12 + (afternoon ? 12 : 0);
        return hour <= 23 && minute <= 59;
    }

    private static bool TakeAny(Regex[] patterns, string folded, bool[] taken, ref bool spanish, int spanishFrom = int.MaxValue)
    {
        var any = false;
        for (var i = 0; i < patterns.Length; i++)
        {
            foreach (Match m in patterns[i].Matches(folded))
            {
                if (IsTaken(taken, m.Index, m.Length)) continue;
                Take(taken, m.Index, m.Length);
                any = true;
                spanish |= i >= spanishFrom || IsSpanish(m.Value);
            }
        }
        return any;
    }

    private static bool IsSpanish(string value) => SpanishWord().IsMatch(value);

    [GeneratedRegex(@"\b(?:solo|si|omit\w*|salvo|excepto|menos|saltar?|envia\w*|manda\w*|programa\w*|configura|por\s+favor)\b", RegexOptions.CultureInvariant)]
    private static partial Regex SpanishWord();

    private static bool IsTaken(bool[] taken, int index, int length)
    {
        for (var i = index; i < index + length; i++)
            if (taken[i]) return true;
        return false;
    }

    private static void Take(bool[] taken, int index, int length) => Array.Fill(taken, true, index, length);

    private static string Typed(string source, Group g) => source.Substring(g.Index, g.Length).Trim();

    /// <summary>The text with every taken part blanked, separators at either end trimmed and spaces collapsed.</summary>
    private static string Remainder(string source, bool[] taken)
    {
        var chars = source.Select((c, i) => taken[i] ? ' ' : c).ToArray();
        var text = Spaces().Replace(new string(chars), " ");
        text = Separators().Replace(text, " ");
        string previous;
        do
        {
            previous = text;
            text = ScheduleSentenceWords.Edges.Replace(text.Trim(), "").Trim();
        }
        while (text != previous);
        return text.TrimEnd('?', '.', '!').Trim();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\s+[,;]\s*|\s*[,;]\s+|\s+:\s+")]
    private static partial Regex Separators();
}
