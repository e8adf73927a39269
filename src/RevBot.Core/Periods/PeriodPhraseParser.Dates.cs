using System.Globalization;
using System.Text.RegularExpressions;

namespace RevBot.Core.Periods;

/// <summary>The date-shaped forms: named months, calendar dates, "since …", "between … and …", "end of …".</summary>
public sealed partial class PeriodPhraseParser
{
    /// <summary>A year after a quarter, half or month: absolute ("2025", "FY25") or relative to this year ("last year").</summary>
    private readonly record struct YearRef(int? Absolute, int Relative, int Next);

    /// <summary>A calendar date as written; <see cref="Year"/> is null when the question left it out.</summary>
    private readonly record struct DateHit(int Month, int Day, int? Year, int Next);

    /// <summary>One end of a range: resolved dates, or a date without a year, or a bare day ("del 1 al 15 de marzo").</summary>
    private readonly record struct Endpoint(DateOnly Start, DateOnly End, int Next, DateHit? Partial, int? BareDay);

    [GeneratedRegex(@"^(" + Year4 + @")[-/.](\d{1,2})[-/.](\d{1,2})$")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"^(\d{1,2})[/.](\d{1,2})(?:[/.](\d{2}|" + Year4 + "))?$")]
    private static partial Regex SlashDate();

    [GeneratedRegex(@"^(\d{1,2})(?:st|nd|rd|th|o)?$")]
    private static partial Regex DayNumber();

    private YearRef? YearPart(int j, bool allowTwoDigit)
    {
        var k = j;
        var skipped = PeriodWords.Of.Contains(W(k)) && W(k) != "the";
        if (skipped)
            k++;
        k = SkipArticle(k);
        if (PeriodWords.Year(W(k)) is { } y)
            return new YearRef(y, 0, k + 1);
        if (FiscalYearToken().Match(W(k)) is { Success: true } fy)
            return new YearRef(TwoOrFourDigitYear(fy.Groups[1].Value), 0, k + 1);
        if (W(k) == "fy" && (W(k + 1) is { Length: 2 } two && two.All(char.IsAsciiDigit) || YearToken().IsMatch(W(k + 1))))
            return new YearRef(TwoOrFourDigitYear(W(k + 1)), 0, k + 2);
        if (allowTwoDigit && !skipped && k == j && W(k).Length == 2 && W(k).All(char.IsAsciiDigit))
            return new YearRef(TwoOrFourDigitYear(W(k)), 0, k + 1);
        if (PeriodWords.Relative(W(k)) is { } rel && IsYearWord(W(k + 1)))
            return new YearRef(null, rel, k + 2);
        if (IsYearWord(W(k)))
        {
            if (PeriodWords.RelativeAfter(W(k + 1)) is { } after)
                return new YearRef(null, after, k + 2);
            if (W(k + 1) == "que" && W(k + 2) == "viene")
                return new YearRef(null, 1, k + 3);
            if (k > j)
                return new YearRef(null, 0, k + 1);
        }
        return null;
    }

    private static bool IsYearWord(string word) => PeriodWords.Unit(word) == PeriodGrain.Year && word != "fy";

    /// <summary>"March", "in May", "March 2025", "last December", "marzo del año pasado": a calendar month.</summary>
    private Hit? Month(int i)
    {
        var j = i;
        int? rel = null;
        if (PeriodWords.Relative(W(j)) is { } r0 && PeriodWords.Month(W(j + 1)) is not null)
            (rel, j) = (r0, j + 1);
        if (PeriodWords.Month(W(j)) is not { } month)
            return null;
        var context = rel is not null || PeriodWords.MonthContext.Contains(W(j - 1)) || PeriodWords.Year(W(j + 1)) is not null;
        if (PeriodWords.AmbiguousMonths.Contains(W(j)) && !context && !MayIsMonth(j))
            return null;
        j++;
        if (rel is null && PeriodWords.RelativeAfter(W(j)) == -1)
            (rel, j) = (-1, j + 1);
        int? year = null;
        var hasYear = false;
        if (YearPart(j, false) is { } part)
            (year, j, hasYear) = (part.Absolute ?? (r.AsOf.Year + part.Relative), part.Next, true);
        else if (rel is { } offset)
            year = offset switch
            {
                0 => r.AsOf.Year,
                < 0 => month < r.AsOf.Month ? r.AsOf.Year : r.AsOf.Year - 1,
                _ => month > r.AsOf.Month ? r.AsOf.Year : r.AsOf.Year + 1,
            };
        return new Hit(r.Month(month, year), j, hasYear || rel is not null);
    }

    /// <summary>
    /// "may" opening a question ("May bookings") is the month; after a subject ("deals may slip") or before one
    /// ("may we see") it is the verb. Spanish "mar" (the sea) needs a date word next to it.
    /// </summary>
    private bool MayIsMonth(int j) =>
        W(j) == "may" && (j == 0 || PeriodWords.Articles.Contains(W(j - 1)) || W(j - 1) is "for" or "of" or "in")
        && W(j + 1) is not ("i" or "we" or "you" or "he" or "she" or "they" or "it" or "be" or "have" or "not" or "need" or "want" or "close" or "slip" or "land" or "miss" or "hit" or "ask" or "see" or "get" or "")
        && !(W(j + 1).EndsWith("ing", StringComparison.Ordinal) && j > 0);

    /// <summary>"today", "yesterday", "hoy", "ayer", "anteayer".</summary>
    private static readonly string[][] Weekdays =
    [
        ["monday", "mon", "lunes"], ["tuesday", "tue", "tues", "martes"], ["wednesday", "wed", "miercoles"], ["thursday", "thu", "thurs", "jueves"],
        ["friday", "fri", "viernes"], ["saturday", "sat", "sabado"], ["sunday", "sun", "domingo"],
    ];

    /// <summary>"Monday", "last Friday", "el lunes pasado": the most recent such day before the as-of day.</summary>
    private Hit? Weekday(int i)
    {
        var j = PeriodWords.Relative(W(i)) == -1 || W(i) == "el" ? i + 1 : i;
        var index = Array.FindIndex(Weekdays, names => names.Contains(W(j)));
        if (index < 0 || (W(j).Length <= 4 && j == i && !PeriodWords.MonthContext.Contains(W(i - 1)) && !PeriodWords.Since.Contains(W(i - 1))))
            return null;
        var next = PeriodWords.RelativeAfter(W(j + 1)) == -1 ? j + 2 : j + 1;
        var back = ((int)r.AsOf.DayOfWeek - ((index + 1) % 7) + 7) % 7;
        return new Hit(r.Day(r.AsOf.AddDays(back == 0 ? -7 : -back)), next);
    }

    private Hit? DayWord(int i)
    {
        if (Weekday(i) is { } weekday)
            return weekday;
        if (PeriodWords.Today.Contains(W(i)))
            return new Hit(r.Day(r.AsOf), i + 1);
        if (PeriodWords.Yesterday.Contains(W(i)))
            return new Hit(r.Day(r.AsOf.AddDays(-1)), i + 1);
        if (W(i) == "anteayer")
            return new Hit(r.Day(r.AsOf.AddDays(-2)), i + 1);
        if (W(i) == "day" && W(i + 1) == "before" && PeriodWords.Yesterday.Contains(W(i + 2)))
            return new Hit(r.Day(r.AsOf.AddDays(-2)), i + 3);
        return null;
    }

    /// <summary>"on June 1", "2025-06-01", "el 1 de junio": one day; without a year, the most recent one.</summary>
    private Hit? DateAlone(int i) =>
        Date(i) is { } d && Resolve(d, null) is { } day ? new Hit(r.Day(day), d.Next) : null;

    private DateHit? Date(int i)
    {
        if (IsoDate().Match(W(i)) is { Success: true } iso)
            return Valid(Int(iso.Groups[2].Value), Int(iso.Groups[3].Value), Int(iso.Groups[1].Value), i + 1);
        if (SlashDate().Match(W(i)) is { Success: true } slash)
        {
            var (a, b) = (Int(slash.Groups[1].Value), Int(slash.Groups[2].Value));
            int? year = slash.Groups[3].Success ? TwoOrFourDigitYear(slash.Groups[3].Value) : null;
            // Day first in Spanish, month first in English, unless a number cannot be a month, here or in another
            // date of the same question ("1/10/2026 - 31/10/2026" is October).
            var dayFirst = a > 12 || (b <= 12 && (r.Language == "es" || DayFirstElsewhere()));
            return dayFirst ? Valid(b, a, year, i + 1) : Valid(a, b, year, i + 1);
        }
        if (PeriodWords.Month(W(i)) is { } m && Day(W(i + 1)) is { } d)
        {
            var yearAt = W(i + 2) is "de" or "del" ? i + 3 : i + 2;
            return PeriodWords.Year(W(yearAt)) is { } y ? Valid(m, d, y, yearAt + 1) : Valid(m, d, null, i + 2);
        }
        if (Day(W(i)) is { } day)
        {
            var k = W(i + 1) is "of" or "de" ? i + 2 : i + 1;
            if (PeriodWords.Month(W(k)) is not { } month)
                return null;
            var yearAt = W(k + 1) is "de" or "del" or "of" ? k + 2 : k + 1;
            return PeriodWords.Year(W(yearAt)) is { } y ? Valid(month, day, y, yearAt + 1) : Valid(month, day, null, k + 1);
        }
        return null;
    }

    private bool DayFirstElsewhere() =>
        w.Any(word => SlashDate().Match(word) is { Success: true } m && Int(m.Groups[1].Value) > 12);

    private static DateHit? Valid(int month, int day, int? year, int next) =>
        month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year ?? 2000, month) ? new DateHit(month, day, year, next) : null;

    private static int? Day(string word) =>
        DayNumber().Match(word) is { Success: true } m && Int(m.Groups[1].Value) is var d and >= 1 and <= 31 ? d : null;

    private static int Int(string s) => int.Parse(s, CultureInfo.InvariantCulture);

    /// <summary>A written date as a day: with no year, the latest one on or before <paramref name="notAfter"/> (the as-of day), or the first on or after <paramref name="notBefore"/>.</summary>
    private DateOnly? Resolve(DateHit d, DateOnly? notBefore)
    {
        if (d.Year is { } y)
            return new DateOnly(y, d.Month, d.Day);
        for (var k = 0; k <= 8; k++)
        {
            var year = notBefore is { } nb ? nb.Year + k : r.AsOf.Year - k;
            if (d.Day > DateTime.DaysInMonth(year, d.Month))
                continue;
            var day = new DateOnly(year, d.Month, d.Day);
            if (notBefore is { } lower ? day >= lower : day <= r.AsOf)
                return day;
        }
        return null;
    }

    /// <summary>"since June 1", "since last quarter", "from March", "desde el 1 de junio", "a partir de marzo".</summary>
    private Hit? Since(int i)
    {
        var j = i + 1;
        if (W(i) == "a" && W(i + 1) == "partir" && W(i + 2) is "de" or "del")
            j = i + 3;
        else if (!PeriodWords.Since.Contains(W(i)))
            return null;
        if (W(i) == "starting" && W(j) is "from" or "on" or "in")
            j++;
        if (EndpointAt(SkipArticle(j), allowBare: false) is not { } ep)
            return null;
        var start = ep.Partial is { } p ? Resolve(p, null) : ep.Start;
        if (start is null)
            return null;
        return new Hit(r.Since(W(i) == "after" ? ep.End.AddDays(1) : start.Value), ep.Next);
    }

    /// <summary>"between 2025-01-01 and 2025-03-31", "from Jan 1 to Mar 31", "Q1 to Q3", "entre enero y marzo", "del 1 al 15 de marzo".</summary>
    private Hit? Range(int i)
    {
        var j = i;
        var between = PeriodWords.Between.Contains(W(i));
        if (between || PeriodWords.RangeFrom.Contains(W(i)))
            j = SkipArticle(i + 1);
        if (EndpointAt(j, allowBare: j > i) is not { } first)
            return null;
        var joiner = W(first.Next);
        if (between ? !PeriodWords.RangeAnd.Contains(joiner) : !PeriodWords.RangeTo.Contains(joiner) || (j == i && joiner == "a"))
            return null;
        if (EndpointAt(SkipArticle(first.Next + 1), allowBare: true) is not { } second || (first.BareDay is not null && second.BareDay is not null))
            return null;
        return Combine(first, second) is { } p ? new Hit(p, second.Next) : null;
    }

    private Period? Combine(Endpoint a, Endpoint b)
    {
        if (a.BareDay is { } startDay)
        {
            var end = b.Partial is { } bp ? Resolve(bp, null) : b.End;
            return end is { } e && startDay <= DateTime.DaysInMonth(e.Year, e.Month) ? r.Range(new DateOnly(e.Year, e.Month, startDay), e) : null;
        }
        var start = a.Partial is { } ap ? StartWithoutYear(ap, b) : a.Start;
        if (start is not { } from)
            return null;
        if (b.BareDay is { } endDay)
            return endDay <= DateTime.DaysInMonth(from.Year, from.Month) ? r.Range(from, new DateOnly(from.Year, from.Month, endDay)) : null;
        DateOnly? to = b.Partial is { } p ? Resolve(p, from) : b.End;
        if (to is not { } until)
            return null;
        // "from November to February" asked in November: November of last year, not a backwards range.
        if (until < from && a.Partial is null)
            from = from.AddYears(-1);
        return r.Range(from, until);
    }

    /// <summary>A range start written without a year takes the end's year ("Jan 1 to Mar 31, 2025"), else the most recent one.</summary>
    private DateOnly? StartWithoutYear(DateHit start, Endpoint end)
    {
        if (end.Partial is not null || end.BareDay is not null)
            return Resolve(start, null);
        for (var year = end.End.Year; year >= end.End.Year - 1; year--)
        {
            if (start.Day <= DateTime.DaysInMonth(year, start.Month) && new DateOnly(year, start.Month, start.Day) is var day && day <= end.End)
                return day;
        }
        return null;
    }

    private Endpoint? EndpointAt(int j, bool allowBare)
    {
        Endpoint? best = null;
        if (Date(j) is { } d)
            best = d.Year is { } y
                ? new Endpoint(new DateOnly(y, d.Month, d.Day), new DateOnly(y, d.Month, d.Day), d.Next, null, null)
                : new Endpoint(default, default, d.Next, d, null);
        foreach (var hit in (ReadOnlySpan<Hit?>)[Quarter(j), Half(j), FiscalYear(j), Month(j), CalendarYear(j), Relative(j), DayWord(j), ToDate(j), Boundary(j)])
        {
            if (hit is { } h && (best is null || h.Next > best.Value.Next))
                best = new Endpoint(h.Period.Start, h.Period.End, h.Next, null, null);
        }
        // A bare day borrows its month from the other end: "del 1 al 15 de marzo", "Oct 1-15".
        if (best is null && allowBare && Day(W(j)) is { } bare && W(j).All(char.IsAsciiDigit)
            && (PeriodWords.RangeTo.Contains(W(j + 1)) || PeriodWords.RangeAnd.Contains(W(j + 1)) || PeriodWords.Month(W(j + 1)) is null))
            best = new Endpoint(default, default, j + 1, null, bare);
        return best;
    }

    /// <summary>"end of last quarter", "the start of the year", "a finales del trimestre pasado": that period's last or first day.</summary>
    private Hit? Boundary(int i)
    {
        bool end;
        if (PeriodWords.EndOf.Contains(W(i)))
            end = true;
        else if (PeriodWords.StartOf.Contains(W(i)))
            end = false;
        else
            return null;
        if (W(i + 1) is not ("of" or "de" or "del"))
            return null;
        // "tasa de cierre del trimestre", "fecha de cierre del mes": a closing of deals, not the period's last day.
        if (W(i) == "cierre" && W(i - 1) == "de")
            return null;
        var j = SkipArticle(i + 2);
        Hit? inner = null;
        foreach (var hit in (ReadOnlySpan<Hit?>)[Relative(j), Quarter(j), Half(j), FiscalYear(j), Month(j), CalendarYear(j)])
        {
            if (hit is { } h && (inner is null || h.Next > inner.Value.Next))
                inner = h;
        }
        if (inner is null && PeriodWords.Unit(W(j)) is { } unit and not PeriodGrain.Day && W(j) != "q")
            inner = new Hit(r.Offset(unit, 0), j + 1);
        return inner is { } p ? new Hit(r.Day(end ? p.Period.End : p.Period.Start), p.Next) : null;
    }
}
