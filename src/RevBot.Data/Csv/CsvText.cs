using System.Globalization;

namespace RevBot.Data.Csv;

/// <summary>How dates, timestamps and numbers are spelled in the canonical files (docs/data-format.md).</summary>
internal static class CsvText
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private static readonly string[] TimestampFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd HH:mm:ss.FFFFFFFK", "yyyy-MM-dd HH:mm:ssK", "yyyy-MM-dd HH:mmK",
        "yyyy-MM-dd",
    ];

    /// <summary>The largest amount numeric(18,2) holds.</summary>
    public const decimal MaxMoney = 9_999_999_999_999_999.99m;

    /// <summary>A date or a timestamp, as UTC; no offset means UTC.</summary>
    public static bool TryParseTimestamp(string text, out DateTime utc)
    {
        if (!DateTimeOffset.TryParseExact(text, TimestampFormats, Invariant, DateTimeStyles.AssumeUniversal, out var value))
        {
            utc = default;
            return false;
        }
        // PostgreSQL keeps microseconds: truncating here makes a re-import compare equal to what was stored.
        var ticks = value.UtcTicks;
        utc = new DateTime(ticks - ticks % 10, DateTimeKind.Utc);
        return true;
    }

    /// <summary>A calendar day. A full timestamp names its day as written, before any conversion to UTC.</summary>
    public static bool TryParseDate(string text, out DateOnly date)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", Invariant, DateTimeStyles.None, out date)) return true;
        if (!DateTimeOffset.TryParseExact(text, TimestampFormats, Invariant, DateTimeStyles.AssumeUniversal, out var value)) return false;
        date = DateOnly.FromDateTime(value.DateTime);
        return true;
    }

    public static bool TryParseMonth(string text, out DateOnly month) =>
        DateOnly.TryParseExact(text, "yyyy-MM", Invariant, DateTimeStyles.None, out month);

    public static bool TryParseDecimal(string text, out decimal value) =>
        decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, Invariant, out value);

    public static bool TryParseInt(string text, out int value) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, Invariant, out value);

    public static string? Timestamp(DateTime? value) =>
        value is { } v ? DateTime.SpecifyKind(v, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", Invariant) : null;

    public static string? Date(DateOnly? value) => value?.ToString("yyyy-MM-dd", Invariant);

    public static string Month(DateOnly value) => value.ToString("yyyy-MM", Invariant);

    /// <summary>Money rounded to cents: SQLite keeps amounts as REAL, so more digits would be noise.</summary>
    public static string Money(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero).ToString("0.##", Invariant);

    public static string? Int(int? value) => value?.ToString(Invariant);
}
