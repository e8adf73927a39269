using System.Text.RegularExpressions;
using RevBot.Core.Conversation;

namespace RevBot.Core.Watches;

/// <summary>"my watches" / "mis vigilancias", "stop watching …" / "deja de vigilar …", "snooze watch #3 for a week" /
/// "pospón la vigilancia #3 una semana". <see cref="WatchCommand.What"/> is a watch's number ("#3"), "all", or words of
/// its sentence.</summary>
internal static partial class WatchCommandReader
{
    public static WatchCommand? Read(string text)
    {
        var t = Regex.Replace(Tokenizer.Clean(text ?? ""), @"\s+", " ").Trim().TrimEnd('?', '!', '.').Trim();
        var language = LanguageDetector.Detect(t.ToLowerInvariant(), Tokenizer.Tokenize(t));
        if (List().IsMatch(t)) return new WatchCommand(WatchVerb.List, language, null, null);
        if (Snooze().Match(t) is { Success: true } s)
        {
            var n = s.Groups["n"].Success ? int.Parse(s.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture) : 1;
            var unit = Tokenizer.FoldAccents(s.Groups["unit"].Value).ToLowerInvariant();
            TimeSpan each = unit.StartsWith("hour", StringComparison.Ordinal) || unit.StartsWith("hora", StringComparison.Ordinal) ? TimeSpan.FromHours(1)
                : unit.StartsWith("week", StringComparison.Ordinal) || unit.StartsWith("semana", StringComparison.Ordinal) ? TimeSpan.FromDays(7)
                : unit.StartsWith("month", StringComparison.Ordinal) || unit.StartsWith("mes", StringComparison.Ordinal) ? TimeSpan.FromDays(30)
                : TimeSpan.FromDays(1);
            return new WatchCommand(WatchVerb.Snooze, language, s.Groups["what"].Value.Trim(), each * Math.Clamp(n, 1, 365));
        }
        if (Stop().Match(t) is { Success: true } stop) return new WatchCommand(WatchVerb.Stop, language, stop.Groups["what"].Value.Trim(), null);
        return null;
    }

    [GeneratedRegex(@"^(?:(?:list|show)\s+(?:me\s+)?)?(?:my\s+|all\s+)?watch(?:es|list)$|^(?:what\s+am\s+i\s+watching)$|^(?:mis\s+|ver\s+(?:mis\s+)?|lista\s+de\s+)?vigilancias$|^(?:qu[eé]\s+)?estoy\s+vigilando$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex List();

    [GeneratedRegex(@"^(?:stop|cancel|delete|remove)\s+(?:watching|(?:the\s+|my\s+)?watch(?:es)?(?:\s+on|\s+for)?)\s+(?<what>.+)$|^unwatch\s+(?<what>.+)$|^(?:deja\s+de\s+vigilar|para\s+de\s+vigilar|no\s+vigiles\s+m[aá]s|(?:cancela|borra|elimina|quita)\s+(?:la\s+|las\s+|mi\s+|mis\s+)?vigilancias?(?:\s+de)?)\s+(?<what>.+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Stop();

    [GeneratedRegex(@"^(?:snooze|mute|pause)\s+(?:the\s+|my\s+)?watch(?:ing)?\s+(?:on\s+|for\s+)?(?<what>.+?)\s+(?:for\s+)?(?:a|an|one|(?<n>\d+))\s+(?<unit>hour|day|week|month)s?$|^(?:pospon|posp[oó]n|silencia|pausa)\w*\s+(?:la\s+|mi\s+)?vigilancia\s+(?:de\s+)?(?<what>.+?)\s+(?:por\s+|durante\s+)?(?:un|una|(?<n>\d+))\s+(?<unit>hora|d[ií]a|semana|mes)(?:s|es)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Snooze();
}

internal enum WatchVerb
{
    List,
    Stop,
    Snooze,
}

internal sealed record WatchCommand(WatchVerb Verb, string Language, string? What, TimeSpan? For);
