using System.Globalization;

namespace RevBot.Sources.Salesforce;

/// <summary>Where the sync of one object stands: the (SystemModstamp, Id) of the last record committed, stored as "stamp|id".</summary>
public sealed record SalesforceCursor(DateTimeOffset Stamp, string Id)
{
    public override string ToString() => $"{SoqlQueries.DateTimeLiteral(Stamp)}|{Id}";

    public static SalesforceCursor? Parse(string? position)
    {
        var bar = position?.IndexOf('|') ?? -1;
        return bar > 0 && SalesforceTime.Parse(position![..bar]) is { } stamp ? new SalesforceCursor(stamp, position[(bar + 1)..]) : null;
    }
}

/// <summary>Salesforce's JSON timestamps ("2026-12-01T09:30:00.000+0000") and dates, read and written.</summary>
public static class SalesforceTime
{
    private static readonly string[] Formats = ["yyyy-MM-dd'T'HH:mm:ss.fffzzz", "yyyy-MM-dd'T'HH:mm:ss.fffK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.fff"];

    public static DateTimeOffset? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        // "+0000" is how Salesforce writes the offset; .NET reads "+00:00".
        if (text.Length > 5 && (text[^5] == '+' || text[^5] == '-') && char.IsDigit(text[^1])) text = text[..^2] + ":" + text[^2..];
        return DateTimeOffset.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at.ToUniversalTime() : null;
    }

    /// <summary>The canonical timestamp text: UTC with milliseconds and Z.</summary>
    public static string? Canonical(string? text) => Parse(text) is { } at ? SoqlQueries.DateTimeLiteral(at) : null;

    /// <summary>
    /// A Salesforce date (a close date, a task's date) as a timestamp: noon UTC, which is the same calendar day in every
    /// company time zone from UTC-11 to UTC+11, so a deal closed on the first day of a quarter counts in that quarter.
    /// </summary>
    public static string? NoonOf(string? date) =>
        DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? $"{day:yyyy-MM-dd}T12:00:00Z" : null;

    /// <summary>The HTTP date of <c>If-Unmodified-Since</c>, which has whole seconds.</summary>
    public static string HttpDate(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("R", CultureInfo.InvariantCulture);
}
