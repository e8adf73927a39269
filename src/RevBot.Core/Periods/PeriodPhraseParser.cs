using System.Globalization;
using System.Text.RegularExpressions;

namespace RevBot.Core.Periods;

/// <summary>
/// Finds period phrases in a question's words (lower-case, accents stripped): "this quarter", "Q3 FY25", "last 30
/// days", "since June 1", "entre el 1 de enero y el 31 de marzo". At each word it keeps the longest phrase that starts
/// there; the question parser weighs these against its other readings. Small recursive-descent readers, one per form,
/// so a new form is one more reader rather than one more regular expression over the whole text.
/// </summary>
public sealed partial class PeriodPhraseParser
{
    private readonly PeriodResolver r;
    private readonly IReadOnlyList<string> w;

    public PeriodPhraseParser(PeriodResolver resolver, IReadOnlyList<string> words)
    {
        r = resolver;
        w = words;
    }

    private readonly record struct Hit(Period Period, int Next, bool HasYear = true);

    public IReadOnlyList<PeriodMatch> FindAll()
    {
        var found = new List<PeriodMatch>();
        for (var i = 0; i < w.Count; i++)
        {
            if (Longest(i) is { } hit)
                found.Add(new PeriodMatch(i, hit.Next - i, hit.Period));
        }
        return found;
    }

    /// <summary>
    /// The period when <paramref name="words"/> are one phrase ("last 2 quarters", "in March", "el mes pasado"),
    /// else null. A leading preposition or article is allowed; it is not part of the phrase.
    /// </summary>
    public static Period? ParseWhole(IReadOnlyList<string> words, PeriodResolver resolver)
    {
        ArgumentNullException.ThrowIfNull(words);
        string[] lead = ["in", "the", "during", "for", "over", "el", "la", "los", "las", "en", "durante"];
        var start = 0;
        while (start < words.Count - 1 && lead.Contains(words[start]))
            start++;
        return new PeriodPhraseParser(resolver, words).Longest(start) is { } hit && hit.Next == words.Count ? hit.Period : null;
    }

    private Hit? Longest(int i)
    {
        // Most words cannot start a period phrase; skipping them keeps the reader in microseconds.
        if (!CanStart(W(i)))
            return null;
        Hit? best = null;
        foreach (var hit in (ReadOnlySpan<Hit?>)[Range(i), Since(i), Boundary(i), ToDate(i), Rolling(i), Ago(i), Relative(i),
                     Quarter(i), Half(i), FiscalYear(i), Month(i), DateAlone(i), CalendarYear(i), DayWord(i), WeekNumber(i)])
        {
            if (hit is { } h && (best is null || h.Next > best.Value.Next))
                best = h;
        }
        // "Q4 so far", "November to date", "el T4 hasta ahora": the period cut at the as-of day.
        if (best is { } b && b.Period.Contains(r.AsOf) && b.Period.Start < r.AsOf && SoFarAt(b.Next) is { } end)
            best = new Hit(r.Make(b.Period.Start, r.AsOf, b.Period.Grain, toDate: true), end);
        return best;
    }

    private static bool CanStart(string word) =>
        word.Length > 0 && (char.IsAsciiDigit(word[0]) || PeriodWords.All.Contains(word) || PeriodWords.RangeFrom.Contains(word) || PeriodWords.Articles.Contains(word)
            || PeriodWords.Calendar.Contains(word) || word is "en" or "lo" or "a" or "q" or "t" or "fy" or "ano" or "anio" or "year" or "day" or "the"
            || (word.Length <= 8 && word[0] is 'q' or 't' or 'h' or 's' or 'f' or 'c' && word.Any(char.IsAsciiDigit)));

    private string W(int k) => k >= 0 && k < w.Count ? w[k] : "";

    private int SkipArticle(int k) => PeriodWords.Articles.Contains(W(k)) ? k + 1 : k;

    /// <summary>"this quarter", "last fiscal year", "the quarter before last", "el trimestre pasado", "el mes que viene".</summary>
    private Hit? Relative(int i)
    {
        // "las ventas del mes", "tasa de cierre del año": the period under way ("semana 47 del año" is the week's own year).
        if (W(i) == "del" && PeriodWords.Unit(W(i + 1)) is { } current and not PeriodGrain.Day && W(i + 1) != "q"
            && PeriodWords.Number(W(i - 1)) is null && PeriodWords.Unit(W(i - 1)) is null && PeriodWords.Month(W(i - 1)) is null
            && PeriodWords.RelativeAfter(W(i + 2)) is null && W(i + 2) is not ("que" or "en" or "fiscal") && !PeriodWords.Fiscal.Contains(W(i + 2))
            && !(Longest(i + 1) is { } longer && longer.Next > i + 2))
            return new Hit(r.Offset(current, 0), i + 2);
        var j = i;
        int? offset = PeriodWords.Relative(W(j));
        if (offset is not null)
        {
            j++;
            if (offset == 0 && W(j) == "past")
            {
                offset = -1;
                j++;
            }
        }
        if (PeriodWords.Fiscal.Contains(W(j)))
            j++;
        if (PeriodWords.Unit(W(j)) is not { } unit || (W(j) == "q" && offset is null))
            return null;
        j++;
        if (PeriodWords.Fiscal.Contains(W(j)) && offset is null)
            j++;
        if (offset is null)
        {
            if (PeriodWords.RelativeAfter(W(j)) is { } after)
                (offset, j) = (after, j + 1);
            else if (W(j) == "que" && W(j + 1) == "viene")
                (offset, j) = (1, j + 2);
            else if (W(j) == "en" && W(j + 1) == "curso")
                (offset, j) = (0, j + 2);
            else if (W(j) == "before" && W(j + 1) == "last")
                (offset, j) = (-2, j + 2);
            else
                return null;
        }
        else if (offset == -1 && W(j) == "before" && W(j + 1) == "last")
        {
            (offset, j) = (-2, j + 2);
        }
        // "the last quarter of 2025" is that year's final quarter, not the quarter before this one.
        if (offset == -1 && YearPart(j, false) is { Absolute: { } year } yp)
        {
            Period? final = unit switch
            {
                PeriodGrain.Quarter => r.Quarter(4, year),
                PeriodGrain.Half => r.Half(2, year),
                PeriodGrain.Month => r.Month(12, year),
                _ => null,
            };
            if (final is not null)
                return new Hit(final, yp.Next);
        }
        return new Hit(r.Offset(unit, offset.Value), j);
    }

    /// <summary>"last 30 days", "past 6 months", "last 2 quarters", "los últimos 3 meses", "next 30 days", "TTM".</summary>
    private Hit? Rolling(int i)
    {
        if (PeriodWords.TrailingTwelve.Contains(W(i)))
            return new Hit(r.LastCompleted(PeriodGrain.Month, 12), i + 1);
        if (PeriodWords.Rolling(W(i)) is not { } direction)
            return null;
        var j = SkipArticle(i + 1);
        if (PeriodWords.Number(W(j)) is not { } count || W(j) is "a" or "an" or "un" or "una" || PeriodWords.Unit(W(j + 1)) is not { } unit || W(j + 1) == "q")
            return null;
        return new Hit(direction < 0 ? r.LastCompleted(unit, count) : r.Upcoming(unit, count), j + 2);
    }

    /// <summary>"3 months ago", "a year ago", "hace un año": the day that long before the as-of day.</summary>
    private Hit? Ago(int i)
    {
        if (PeriodWords.Hace.Contains(W(i)) && PeriodWords.Number(W(i + 1)) is { } n && PeriodWords.Unit(W(i + 2)) is { } u)
            return new Hit(r.Day(FiscalCalendar.Add(u, r.AsOf, -n)), i + 3);
        if (PeriodWords.Number(W(i)) is { } count && PeriodWords.Unit(W(i + 1)) is { } unit && PeriodWords.Ago.Contains(W(i + 2)))
            return new Hit(r.Day(FiscalCalendar.Add(unit, r.AsOf, -count)), i + 3);
        return null;
    }

    /// <summary>"YTD", "quarter to date", "this year so far", "so far this month", "en lo que va de año", "este trimestre hasta la fecha".</summary>
    private Hit? ToDate(int i)
    {
        if (PeriodWords.ToDate(W(i)) is { } shorthand)
            return new Hit(r.ToDate(shorthand), i + 1);
        if (PeriodWords.Fiscal.Contains(W(i)) && PeriodWords.ToDate(W(i + 1)) is { } fiscalShorthand)
            return new Hit(r.ToDate(fiscalShorthand), i + 2);
        if (W(i) == "so" && W(i + 1) == "far" && UnitAt(i + 2) is { } after)
            return new Hit(r.ToDate(after.Unit), after.Next);
        if (W(i) == "acumulado" && (W(i + 1) == "anual" || (W(i + 1) is "del" or "de" && W(i + 2) is "ano" or "anio")))
            return new Hit(r.ToDate(PeriodGrain.Year), W(i + 1) == "anual" ? i + 2 : i + 3);
        var j = W(i) == "en" && W(i + 1) == "lo" ? i + 1 : i;
        if (W(j) == "lo" && W(j + 1) == "que" && W(j + 2) is "va" or "llevamos" && W(j + 3) is "de" or "del")
            return UnitAt(SkipArticle(j + 4)) is { } spanish ? new Hit(r.ToDate(spanish.Unit), spanish.Next) : null;
        if (UnitAt(i) is not { } unit)
            return null;
        var k = unit.Next;
        if (W(k) == "to" && W(k + 1) == "date")
            return new Hit(r.ToDate(unit.Unit), k + 2);
        if (W(k) == "so" && W(k + 1) == "far")
            return new Hit(r.ToDate(unit.Unit), k + 2);
        if (W(k) == "hasta" && (W(k + 1) == "hoy" || W(k + 1) == "ahora" || (W(k + 1) == "la" && W(k + 2) == "fecha")))
            return new Hit(r.ToDate(unit.Unit), W(k + 1) == "la" ? k + 3 : k + 2);
        // Latin America: "año a la fecha", "trimestre a la fecha", "mes a la fecha" (YTD, QTD, MTD).
        if (W(k) == "a" && W(k + 1) == "la" && W(k + 2) == "fecha")
            return new Hit(r.ToDate(unit.Unit), k + 3);
        return null;
    }

    private int? SoFarAt(int k) =>
        (W(k), W(k + 1), W(k + 2)) switch
        {
            ("so", "far", _) or ("to", "date", _) or ("hasta", "ahora", _) or ("hasta", "hoy", _) => k + 2,
            ("hasta", "la", "fecha") or ("a", "la", "fecha") => k + 3,
            _ => null,
        };

    /// <summary>"week 47", "semana 47": ISO weeks of the current year, Monday to Sunday.</summary>
    private Hit? WeekNumber(int i)
    {
        if (W(i) is not ("week" or "wk" or "semana") || PeriodWords.Number(W(i + 1)) is not (>= 1 and <= 53 and var n) || !W(i + 1).All(char.IsAsciiDigit))
            return null;
        var year = PeriodWords.Year(W(i + 2)) ?? r.AsOf.Year;
        if (n > System.Globalization.ISOWeek.GetWeeksInYear(year))
            return null;
        var monday = DateOnly.FromDateTime(System.Globalization.ISOWeek.ToDateTime(year, n, DayOfWeek.Monday));
        return new Hit(r.Whole(monday, PeriodGrain.Week, 1), PeriodWords.Year(W(i + 2)) is null ? i + 2 : i + 3);
    }

    /// <summary>A unit with an optional "this"/"fiscal" before it ("this quarter", "fiscal year", "month").</summary>
    private (PeriodGrain Unit, int Next)? UnitAt(int i)
    {
        var j = PeriodWords.Relative(W(i)) == 0 ? i + 1 : i;
        if (PeriodWords.Fiscal.Contains(W(j)))
            j++;
        return PeriodWords.Unit(W(j)) is { } unit and not PeriodGrain.Day && W(j) != "q" ? (unit, j + 1) : null;
    }

    [GeneratedRegex(@"^[qt]([1-4])$|^([1-4])q$")]
    private static partial Regex QuarterToken();

    /// <summary>
    /// A four-digit year a question may name: 1900-2199, the years of <see cref="SupportedDates"/>. "FY9999" is not read
    /// as a year: its periods would run past the last day .NET can represent.
    /// </summary>
    private const string Year4 = "(?:19|20|21)\\d{2}";

    [GeneratedRegex("^" + Year4 + "$")]
    private static partial Regex YearToken();

    [GeneratedRegex(@"^q([1-4])fy(\d{2}|" + Year4 + ")$")]
    private static partial Regex QuarterFiscalToken();

    [GeneratedRegex(@"^[hs]([12])$|^([12])h$")]
    private static partial Regex HalfToken();

    [GeneratedRegex(@"^fy(\d{2}|" + Year4 + ")$")]
    private static partial Regex FiscalYearToken();

    /// <summary>"Q3", "Q3 2025", "Q3 FY25", "FY25 Q3", "third quarter of last year", "T1", "primer trimestre de 2025".</summary>
    private Hit? Quarter(int i)
    {
        int q;
        var j = i + 1;
        int? fiscalYear = null;
        if (QuarterFiscalToken().Match(W(i)) is { Success: true } qf)
            (q, fiscalYear) = (Digit(qf.Groups[1].Value), TwoOrFourDigitYear(qf.Groups[2].Value));
        else if (QuarterToken().Match(W(i)) is { Success: true } qt)
            q = Digit(qt.Groups[1].Success ? qt.Groups[1].Value : qt.Groups[2].Value);
        else if (W(i) == "q" && W(i + 1) is "1" or "2" or "3" or "4")
            (q, j) = (Digit(W(i + 1)), i + 2);
        else if (PeriodWords.Ordinal(W(i)) is { } o and <= 4 && PeriodWords.Unit(W(i + 1)) == PeriodGrain.Quarter && W(i + 1) != "q")
            (q, j) = (o, i + 2);
        else if (YearPart(i, false) is { } yp && yp.Next > i && QuarterToken().Match(W(yp.Next)) is { Success: true } after)
            return new Hit(r.Quarter(Digit(after.Groups[1].Success ? after.Groups[1].Value : after.Groups[2].Value), yp.Absolute ?? (r.Fiscal.YearOf(r.AsOf) + yp.Relative)), yp.Next + 1);
        else
            return null;
        if (fiscalYear is null && YearPart(j, true) is { } part)
            (fiscalYear, j) = (part.Absolute ?? (r.Fiscal.YearOf(r.AsOf) + part.Relative), part.Next);
        return new Hit(r.Quarter(q, fiscalYear), j);
    }

    /// <summary>"H1", "H2 2025", "first half", "second half of last year", "S1", "primer semestre", "segunda mitad del año".</summary>
    private Hit? Half(int i)
    {
        int h;
        var j = i + 1;
        if (HalfToken().Match(W(i)) is { Success: true } ht)
            h = Digit(ht.Groups[1].Success ? ht.Groups[1].Value : ht.Groups[2].Value);
        else if (YearPart(i, false) is { } yp && yp.Next > i && HalfToken().Match(W(yp.Next)) is { Success: true } after)
            return new Hit(r.Half(Digit(after.Groups[1].Success ? after.Groups[1].Value : after.Groups[2].Value), yp.Absolute ?? (r.Fiscal.YearOf(r.AsOf) + yp.Relative)), yp.Next + 1);
        else if (PeriodWords.Ordinal(W(i)) is { } o and <= 2 && (PeriodWords.Unit(W(i + 1)) == PeriodGrain.Half || PeriodWords.HalfWords.Contains(W(i + 1))))
            (h, j) = (o, i + 2);
        else
            return null;
        int? fiscalYear = null;
        if (YearPart(j, true) is { } part)
            (fiscalYear, j) = (part.Absolute ?? (r.Fiscal.YearOf(r.AsOf) + part.Relative), part.Next);
        return new Hit(r.Half(h, fiscalYear), j);
    }

    /// <summary>"FY2026", "FY26", "FY 2026", "fiscal year 2026", "fiscal 2026", "año fiscal 2026", "ejercicio 2026".</summary>
    private Hit? FiscalYear(int i)
    {
        if (FiscalYearToken().Match(W(i)) is { Success: true } m)
            return new Hit(r.FiscalYear(TwoOrFourDigitYear(m.Groups[1].Value)), i + 1);
        var j = i;
        if (W(j) == "fy")
            j++;
        else if (PeriodWords.Fiscal.Contains(W(j)))
            j = W(j + 1) == "year" ? j + 2 : j + 1;
        else if (W(j) is "ano" or "anio" && PeriodWords.Fiscal.Contains(W(j + 1)))
            j += 2;
        else if (W(j) == "ejercicio")
            j = PeriodWords.Fiscal.Contains(W(j + 1)) ? j + 2 : j + 1;
        else
            return null;
        if (PeriodWords.Year(W(j)) is { } y)
            return new Hit(r.FiscalYear(y), j + 1);
        if (W(j).Length == 2 && W(j).All(char.IsAsciiDigit) && W(i) is "fy" or "fiscal")
            return new Hit(r.FiscalYear(TwoOrFourDigitYear(W(j))), j + 1);
        return null;
    }

    /// <summary>"2025", "in 2024", "calendar 2025", "CY2025", "el año 2025": a calendar year even when the fiscal year differs.</summary>
    private Hit? CalendarYear(int i)
    {
        var j = i;
        if (W(j).StartsWith("cy", StringComparison.Ordinal) && PeriodWords.Year(W(j)[2..]) is { } cy)
            return new Hit(r.CalendarYear(cy), j + 1);
        if (PeriodWords.Calendar.Contains(W(j)) && W(j + 1) == "year")
            j += 2;
        else if (PeriodWords.Calendar.Contains(W(j)))
            j++;
        else if (W(j) is "ano" or "anio" && PeriodWords.Calendar.Contains(W(j + 1)))
            j += 2;
        else if (W(j) is "ano" or "anio" or "year")
            j++;
        return PeriodWords.Year(W(j)) is { } y ? new Hit(r.CalendarYear(y), j + 1) : null;
    }

    private static int Digit(string s) => s[0] - '0';

    private static int TwoOrFourDigitYear(string s) => int.Parse(s, CultureInfo.InvariantCulture) is var n && n < 100 ? 2000 + n : n;
}
