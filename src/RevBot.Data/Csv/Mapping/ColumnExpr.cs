using System.Globalization;

namespace RevBot.Data.Csv.Mapping;

/// <summary>
/// How one canonical column is made from a source row (docs/import.md): a value from one source (a column, a
/// constant, a template or a lookup) when the row passes <c>when</c>, the fallback when that is empty, then the steps in a fixed order: value map,
/// case, slug, date format, number format (or percentage), prefix and suffix. An empty result is an empty cell.
/// </summary>
internal sealed class ColumnExpr
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The source column errors name: the column read, else the canonical column's path in the mapping.</summary>
    public required string Display { get; init; }

    public int Column { get; init; } = -1;

    public string? Value { get; init; }

    public Template? Template { get; init; }

    public Lookup? Lookup { get; init; }

    /// <summary>Only when the row passes this test; otherwise the cell is empty (a close date that is a closed_at only for closed deals).</summary>
    public RowFilter? When { get; init; }

    public ColumnExpr? Otherwise { get; init; }

    public IReadOnlyDictionary<string, string>? Map { get; init; }

    /// <summary>What a value missing from <see cref="Map"/> becomes: null is an error; <see cref="Keep"/> keeps it.</summary>
    public string? Unmapped { get; init; }

    public const string Keep = "\0keep";

    public bool Lower { get; init; }

    public bool Upper { get; init; }

    public string? Slug { get; init; }

    public string[]? DateFormats { get; init; }

    public CultureInfo? Culture { get; init; }

    /// <summary>Reads a percentage (<c>percent: points | fraction</c>), written as points: 0.12 as a fraction and "12%" are both 12.</summary>
    public PercentScale? Percent { get; init; }

    public string Prefix { get; init; } = "";

    public string Suffix { get; init; } = "";

    /// <summary>The canonical cell (null: empty), or false with what is wrong with this row's value and which column it read.</summary>
    public bool TryEvaluate(MappedRow row, out string? value, out (string Column, string Message)? problem)
    {
        problem = null;
        if (TryEvaluate(row, out value, out string? error, out var from)) return true;
        problem = (from.Display, error!);
        return false;
    }

    private bool TryEvaluate(MappedRow row, out string? value, out string? error, out ColumnExpr from)
    {
        error = null;
        from = this;
        if (When is not null && !When.Matches(row)) return Empty(out value);
        value = Column >= 0 ? row[Column] : Value ?? Template?.Render(row);
        if (Lookup is not null && !Lookup.TryFind(row, out value, out error)) return false;
        if (string.IsNullOrEmpty(value)) return Otherwise is null ? Empty(out value) : Otherwise.TryEvaluate(row, out value, out error, out from);
        if (Map is not null)
        {
            if (Map.TryGetValue(value, out var mapped)) value = mapped;
            else if (Unmapped is null)
            {
                error = $"'{Short(value)}' is not in the mapping's map (known: {string.Join(", ", Map.Keys.Take(8))}{(Map.Count > 8 ? ", …" : "")})";
                return false;
            }
            else if (Unmapped != Keep) value = Unmapped;
            if (value.Length == 0) return Empty(out value);
        }
        if (Lower) value = value.ToLowerInvariant();
        if (Upper) value = value.ToUpperInvariant();
        if (Slug is not null) value = string.Join(Slug, value.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (DateFormats is not null)
        {
            if (!TryDate(value, out var date, out error)) return false;
            value = date!;
        }
        if (Percent is { } scale)
        {
            if (!TryPercent(value, scale, out var points, out error)) return false;
            value = points!;
        }
        else if (Culture is not null)
        {
            if (!TryNumber(value, out var number, out error)) return false;
            value = number!;
        }
        value = Prefix + value + Suffix;
        return true;
    }

    private static bool Empty(out string? value)
    {
        value = null;
        return true;
    }

    /// <summary>A date or time in one of the mapping's formats, written as ISO 8601 (with its offset when it has one).</summary>
    private bool TryDate(string text, out string? value, out string? error)
    {
        foreach (var format in DateFormats!)
        {
            if (!DateTimeOffset.TryParseExact(text, format, Invariant, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var parsed)) continue;
            var hasOffset = format.Contains('z', StringComparison.Ordinal) || format.Contains('K', StringComparison.Ordinal);
            var hasTime = format.IndexOfAny(['H', 'h', 'm', 's']) >= 0;
            value = !hasTime ? parsed.ToString("yyyy-MM-dd", Invariant)
                : hasOffset ? parsed.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", Invariant)
                : parsed.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", Invariant);
            error = null;
            return true;
        }
        value = null;
        error = $"'{Short(text)}' does not match the date format {string.Join(" or ", DateFormats!)}";
        return false;
    }

    /// <summary>A number written in the mapping's culture (thousands separators, a currency sign), written invariantly.</summary>
    private bool TryNumber(string text, out string? value, out string? error)
    {
        const NumberStyles styles = NumberStyles.Number | NumberStyles.AllowCurrencySymbol | NumberStyles.AllowParentheses;
        if (decimal.TryParse(text, styles, Culture, out var number))
        {
            value = number.ToString(Invariant);
            error = null;
            return true;
        }
        value = null;
        error = $"'{Short(text)}' is not a number as {Culture!.Name} writes them";
        return false;
    }

    /// <summary>
    /// A percentage as points: "12", "12.5 %" and, with <see cref="PercentScale.Fraction"/>, "0.12" are 12 and 12.5. A
    /// value with a percent sign is always points; a bare fraction above 1 is refused, since "12" read as 1200% is a
    /// column in points mapped the wrong way, not a discount.
    /// </summary>
    private bool TryPercent(string text, PercentScale scale, out string? value, out string? error)
    {
        value = null;
        var trimmed = text.Trim();
        var signed = trimmed.EndsWith('%');
        var number = signed ? trimmed[..^1].TrimEnd() : trimmed;
        if (!decimal.TryParse(number, NumberStyles.Number, Culture ?? Invariant, out var parsed))
        {
            error = $"'{Short(text)}' is not a percentage{(Culture is null ? "" : $" as {Culture.Name} writes them")}";
            return false;
        }
        if (scale == PercentScale.Fraction && !signed)
        {
            if (parsed > 1)
            {
                error = $"'{Short(text)}' is above 1: with percent: fraction, 12% is written 0.12 (or 12%); use percent: points for a column of 12s";
                return false;
            }
            parsed *= 100;
        }
        value = parsed.ToString(Invariant);
        error = null;
        return true;
    }

    public static string Short(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
