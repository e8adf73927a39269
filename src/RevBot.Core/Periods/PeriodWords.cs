using System.Collections.Frozen;
using System.Globalization;

namespace RevBot.Core.Periods;

/// <summary>
/// The English and Spanish period words merged into look-ups. Questions mix languages ("pipeline del último
/// trimestre", "ventas last quarter"), so a phrase is read with both vocabularies at once.
/// </summary>
internal static class PeriodWords
{
    private static readonly FrozenDictionary<string, int> MonthMap = Merge(PeriodWordsEnglish.Months, PeriodWordsSpanish.Months);
    private static readonly FrozenDictionary<string, PeriodGrain> UnitMap = Merge(PeriodWordsEnglish.Units, PeriodWordsSpanish.Units);
    private static readonly FrozenDictionary<string, int> RelativeMap = Merge(PeriodWordsEnglish.Relative, PeriodWordsSpanish.Relative);
    private static readonly FrozenDictionary<string, int> RelativeAfterMap = PeriodWordsSpanish.RelativeAfter.ToFrozenDictionary(p => p.Word, p => p.Offset, StringComparer.Ordinal);
    private static readonly FrozenDictionary<string, int> RollingMap = Merge(PeriodWordsEnglish.Rolling, PeriodWordsSpanish.Rolling);
    private static readonly FrozenDictionary<string, int> NumberMap = Merge(PeriodWordsEnglish.Numbers, PeriodWordsSpanish.Numbers);
    private static readonly FrozenDictionary<string, int> OrdinalMap = Merge(PeriodWordsEnglish.Ordinals, PeriodWordsSpanish.Ordinals);
    private static readonly FrozenDictionary<string, PeriodGrain> ToDateMap = PeriodWordsEnglish.ToDateWords.ToFrozenDictionary(p => p.Word, p => p.Unit, StringComparer.Ordinal);

    public static readonly FrozenSet<string> Since = Set(PeriodWordsEnglish.Since, PeriodWordsSpanish.Since);
    public static readonly FrozenSet<string> Between = Set(PeriodWordsEnglish.Between, PeriodWordsSpanish.Between);
    public static readonly FrozenSet<string> RangeFrom = Set(PeriodWordsEnglish.RangeFrom, PeriodWordsSpanish.RangeFrom);
    public static readonly FrozenSet<string> RangeTo = Set(PeriodWordsEnglish.RangeTo, PeriodWordsSpanish.RangeTo);
    public static readonly FrozenSet<string> RangeAnd = Set(PeriodWordsEnglish.RangeAnd, PeriodWordsSpanish.RangeAnd);
    public static readonly FrozenSet<string> Of = Set(PeriodWordsEnglish.Of, PeriodWordsSpanish.Of);
    public static readonly FrozenSet<string> Ago = Set(PeriodWordsEnglish.Ago, []);
    public static readonly FrozenSet<string> Hace = Set([], PeriodWordsSpanish.Ago);
    public static readonly FrozenSet<string> Today = Set(PeriodWordsEnglish.Today, PeriodWordsSpanish.Today);
    public static readonly FrozenSet<string> Yesterday = Set(PeriodWordsEnglish.Yesterday, PeriodWordsSpanish.Yesterday);
    public static readonly FrozenSet<string> EndOf = Set(PeriodWordsEnglish.EndOf, [.. PeriodWordsSpanish.EndOf, "finales"]);
    public static readonly FrozenSet<string> StartOf = Set(PeriodWordsEnglish.StartOf, [.. PeriodWordsSpanish.StartOf, "principios", "comienzos"]);
    public static readonly FrozenSet<string> Fiscal = Set(PeriodWordsEnglish.Fiscal, PeriodWordsSpanish.Fiscal);
    public static readonly FrozenSet<string> Calendar = Set(PeriodWordsEnglish.Calendar, PeriodWordsSpanish.Calendar);
    public static readonly FrozenSet<string> Articles = Set(PeriodWordsEnglish.Articles, PeriodWordsSpanish.Articles);
    public static readonly FrozenSet<string> MonthContext = Set(PeriodWordsEnglish.MonthContext, PeriodWordsSpanish.MonthContext);
    public static readonly FrozenSet<string> HalfWords = Set(["half"], PeriodWordsSpanish.HalfWords);
    public static readonly FrozenSet<string> TrailingTwelve = Set(PeriodWordsEnglish.TrailingTwelve, []);

    /// <summary>Month words that are also ordinary words ("may", Spanish "mar"): months only next to a date word.</summary>
    public static readonly FrozenSet<string> AmbiguousMonths = Set(["may", "mar"], []);

    /// <summary>Every period word, for the spelling corrector ("quater" → "quarter", "febuary" → "february").</summary>
    public static readonly FrozenSet<string> All = MonthMap.Keys.Concat(UnitMap.Keys).Concat(RelativeMap.Keys).Concat(RelativeAfterMap.Keys)
        .Concat(RollingMap.Keys).Concat(NumberMap.Keys).Concat(OrdinalMap.Keys).Concat(ToDateMap.Keys).Concat(Since).Concat(Between)
        .Concat(RangeTo).Concat(Ago).Concat(Hace).Concat(Today).Concat(Yesterday).Concat(EndOf).Concat(StartOf).Concat(Fiscal)
        .Concat(TrailingTwelve).Concat(["date", "far", "so", "que", "viene", "curso", "va", "llevamos", "acumulado", "fecha", "before", "anteayer"])
        .ToFrozenSet(StringComparer.Ordinal);

    public static int? Month(string word) => MonthMap.TryGetValue(word, out var m) ? m : null;

    public static PeriodGrain? Unit(string word) => UnitMap.TryGetValue(word, out var u) ? u : null;

    public static int? Relative(string word) => RelativeMap.TryGetValue(word, out var o) ? o : null;

    public static int? RelativeAfter(string word) => RelativeAfterMap.TryGetValue(word, out var o) ? o : null;

    public static int? Rolling(string word) => RollingMap.TryGetValue(word, out var d) ? d : null;

    public static int? Ordinal(string word) => OrdinalMap.TryGetValue(word, out var o) ? o : null;

    public static PeriodGrain? ToDate(string word) => ToDateMap.TryGetValue(word, out var u) ? u : null;

    /// <summary>A count: digits (1-999) or a number word.</summary>
    public static int? Number(string word)
    {
        if (word.Length is > 0 and <= 3 && word.All(char.IsAsciiDigit))
            return int.Parse(word, CultureInfo.InvariantCulture) is var n and > 0 ? n : null;
        return NumberMap.TryGetValue(word, out var v) ? v : null;
    }

    /// <summary>A four-digit year a question plausibly means.</summary>
    public static int? Year(string word) =>
        word.Length == 4 && word.All(char.IsAsciiDigit) && int.Parse(word, CultureInfo.InvariantCulture) is var y and >= 1990 and <= 2100 ? y : null;

    private static FrozenDictionary<string, T> Merge<T>((string, T)[] english, (string, T)[] spanish) =>
        english.Concat(spanish).GroupBy(p => p.Item1, StringComparer.Ordinal).ToFrozenDictionary(g => g.Key, g => g.First().Item2, StringComparer.Ordinal);

    private static FrozenSet<string> Set(string[] english, string[] spanish) => english.Concat(spanish).ToFrozenSet(StringComparer.Ordinal);
}
