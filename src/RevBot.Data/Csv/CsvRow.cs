using RevBot.Core.Domain;

namespace RevBot.Data.Csv;

/// <summary>
/// One data row. The typed getters return null for an empty cell (or a column the file lacks) and for a bad value,
/// which they report as an error naming file, line and column; callers just build the entity and move on.
/// </summary>
internal sealed class CsvRow(CsvSheet sheet, int line, string?[] cells, bool[]? reported = null)
{
    public int Line => line;

    public ImportContext Context => sheet.Context;

    /// <summary>Where this row's <paramref name="column"/> is, for errors found later (unknown references).</summary>
    public CsvPlace At(string column) => new(sheet.File, line, sheet.ColumnName(column));

    public void Error(string column, string message)
    {
        // A cell the mapping could not make has its error already; what follows from it being empty would only repeat it.
        if (reported?[sheet.Spec.Slot(column)] == true) return;
        sheet.Context.Errors.Add(new CsvIssue(sheet.File, line, sheet.ColumnName(column), message));
    }

    /// <summary>The trimmed cell; null when it is empty. Reports a missing value in a required column the file has.</summary>
    public string? Raw(string column)
    {
        var value = cells[sheet.Spec.Slot(column)];
        if (value is null && sheet.Spec.IsRequired(column) && sheet.Has(column)) Error(column, "a value is required");
        return value;
    }

    public bool IsEmpty(string column) => cells[sheet.Spec.Slot(column)] is null;

    public string? Text(string column, int? maxLength)
    {
        var value = Raw(column);
        if (value is not null && maxLength is { } max && value.Length > max) Error(column, $"is {value.Length} characters long; at most {max} fit");
        return value;
    }

    public DateTime? Timestamp(string column)
    {
        var value = Raw(column);
        if (value is null) return null;
        if (CsvText.TryParseTimestamp(value, out var utc)) return utc;
        Error(column, $"{Quote(value)} is not a date (YYYY-MM-DD) or an ISO 8601 timestamp");
        return null;
    }

    public DateOnly? Date(string column)
    {
        var value = Raw(column);
        if (value is null) return null;
        if (CsvText.TryParseDate(value, out var date)) return date;
        Error(column, $"{Quote(value)} is not a date (YYYY-MM-DD)");
        return null;
    }

    public DateOnly? Month(string column)
    {
        var value = Raw(column);
        if (value is null) return null;
        if (CsvText.TryParseMonth(value, out var month)) return month;
        Error(column, $"{Quote(value)} is not a month (YYYY-MM)");
        return null;
    }

    /// <summary>An amount of money: 0 or more, rounded to cents.</summary>
    public decimal? Money(string column)
    {
        var value = Raw(column);
        if (value is null) return null;
        if (!CsvText.TryParseDecimal(value, out var amount)) Error(column, $"{Quote(value)} is not a number");
        else if (amount < 0) Error(column, $"{value} is negative; amounts must be 0 or more");
        else if (amount > CsvText.MaxMoney) Error(column, $"{value} is too large");
        else return Math.Round(amount, 2, MidpointRounding.AwayFromZero);
        return null;
    }

    public int? Int(string column, int min, int max)
    {
        var value = Raw(column);
        if (value is null) return null;
        if (!CsvText.TryParseInt(value, out var number)) Error(column, $"{Quote(value)} is not a whole number");
        else if (number < min || number > max) Error(column, max == int.MaxValue ? $"{value} is below {min}" : $"{value} is out of range ({min}-{max})");
        else return number;
        return null;
    }

    public T? Enum<T>(string column) where T : struct, System.Enum
    {
        var value = Raw(column);
        if (value is null) return null;
        if (EnumText.TryParse<T>(value, out var parsed)) return parsed;
        Error(column, $"{Quote(value)} is not one of: {string.Join(", ", EnumText.Names<T>())}");
        return null;
    }

    /// <summary>An email address: something@something, without spaces.</summary>
    public string? Email(string column)
    {
        var value = Text(column, 320);
        if (value is null) return null;
        var at = value.IndexOf('@', StringComparison.Ordinal);
        if (at > 0 && at < value.Length - 1 && value.IndexOf('@', at + 1) < 0 && !value.Any(char.IsWhiteSpace)) return value;
        Error(column, $"{Quote(value)} is not an email address");
        return null;
    }

    /// <summary>An IANA time zone id that this machine knows, as the company's time zone must be.</summary>
    public string? TimeZone(string column, int? maxLength)
    {
        var value = Text(column, maxLength);
        if (value is null || TimeZoneInfo.TryFindSystemTimeZoneById(value, out _)) return value;
        Error(column, $"{Quote(value)} is not a known IANA time zone (e.g. Europe/Madrid)");
        return null;
    }

    private static string Quote(string value) => value.Length <= 40 ? $"'{value}'" : $"'{value[..40]}…'";
}
