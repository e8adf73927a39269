namespace RevBot.Core.Periods;

/// <summary>English words of period phrases, lower-case. Data only: <see cref="PeriodWords"/> merges the languages.</summary>
internal static class PeriodWordsEnglish
{
    public static readonly (string Word, int Month)[] Months =
    [
        ("january", 1), ("jan", 1), ("february", 2), ("feb", 2), ("march", 3), ("mar", 3), ("april", 4), ("apr", 4),
        ("may", 5), ("june", 6), ("jun", 6), ("july", 7), ("jul", 7), ("august", 8), ("aug", 8),
        ("september", 9), ("sep", 9), ("sept", 9), ("october", 10), ("oct", 10), ("november", 11), ("nov", 11),
        ("december", 12), ("dec", 12),
    ];

    public static readonly (string Word, PeriodGrain Unit)[] Units =
    [
        ("day", PeriodGrain.Day), ("days", PeriodGrain.Day), ("week", PeriodGrain.Week), ("weeks", PeriodGrain.Week),
        ("wk", PeriodGrain.Week), ("wks", PeriodGrain.Week), ("month", PeriodGrain.Month), ("months", PeriodGrain.Month),
        ("mo", PeriodGrain.Month), ("mos", PeriodGrain.Month), ("quarter", PeriodGrain.Quarter), ("quarters", PeriodGrain.Quarter),
        ("qtr", PeriodGrain.Quarter), ("qtrs", PeriodGrain.Quarter), ("q", PeriodGrain.Quarter), ("half", PeriodGrain.Half),
        ("halves", PeriodGrain.Half), ("year", PeriodGrain.Year), ("years", PeriodGrain.Year), ("yr", PeriodGrain.Year),
        ("yrs", PeriodGrain.Year), ("fy", PeriodGrain.Year),
    ];

    /// <summary>Words before a unit: 0 = this, -1 = last, 1 = next.</summary>
    public static readonly (string Word, int Offset)[] Relative =
    [
        ("this", 0), ("current", 0), ("present", 0), ("last", -1), ("previous", -1), ("prior", -1), ("past", -1),
        ("preceding", -1), ("next", 1), ("upcoming", 1), ("coming", 1), ("following", 1),
    ];

    /// <summary>Words before a count ("last 30 days", "next 2 quarters"): -1 back, 1 ahead.</summary>
    public static readonly (string Word, int Direction)[] Rolling =
    [
        ("last", -1), ("past", -1), ("previous", -1), ("prior", -1), ("trailing", -1), ("rolling", -1), ("next", 1), ("upcoming", 1), ("coming", 1),
    ];

    public static readonly (string Word, int Value)[] Numbers =
    [
        ("one", 1), ("a", 1), ("an", 1), ("two", 2), ("three", 3), ("four", 4), ("five", 5), ("six", 6), ("seven", 7),
        ("eight", 8), ("nine", 9), ("ten", 10), ("eleven", 11), ("twelve", 12), ("fifteen", 15), ("eighteen", 18),
        ("twenty", 20), ("thirty", 30), ("sixty", 60), ("ninety", 90),
    ];

    public static readonly (string Word, int Value)[] Ordinals =
    [
        ("first", 1), ("1st", 1), ("second", 2), ("2nd", 2), ("third", 3), ("3rd", 3), ("fourth", 4), ("4th", 4),
    ];

    public static readonly string[] Since = ["since", "starting", "from", "after"];
    public static readonly string[] Between = ["between"];
    public static readonly string[] RangeFrom = ["from"];
    public static readonly string[] RangeTo = ["to", "until", "till", "til", "through", "thru", "-"];
    public static readonly string[] RangeAnd = ["and", "&", "-"];
    public static readonly string[] Of = ["of", "in", "for", "the"];
    public static readonly string[] Ago = ["ago"];
    public static readonly string[] Today = ["today"];
    public static readonly string[] Yesterday = ["yesterday"];
    public static readonly string[] EndOf = ["end", "close"];
    public static readonly string[] StartOf = ["start", "beginning"];
    public static readonly string[] Fiscal = ["fiscal"];
    public static readonly string[] Calendar = ["calendar"];
    public static readonly string[] Articles = ["the"];

    /// <summary>Words that make "may" or "mar" a month: "in May", "since Mar".</summary>
    public static readonly string[] MonthContext =
        ["in", "since", "from", "during", "for", "of", "last", "this", "next", "until", "to", "through", "between", "before", "after", "and", "-"];

    /// <summary>"ytd" and friends, with the unit they run from.</summary>
    public static readonly (string Word, PeriodGrain Unit)[] ToDateWords =
    [
        ("ytd", PeriodGrain.Year), ("fytd", PeriodGrain.Year), ("qtd", PeriodGrain.Quarter), ("mtd", PeriodGrain.Month),
        ("wtd", PeriodGrain.Week), ("htd", PeriodGrain.Half),
    ];

    /// <summary>Shorthands for the last twelve whole months.</summary>
    public static readonly string[] TrailingTwelve = ["ttm", "ltm", "l12m", "t12m"];
}
