using System.Globalization;
using RevBot.Core.Domain;
using SQLitePCL;

namespace RevBot.Data.Demo;

/// <summary>
/// One column of a bulk-loaded table, written exactly as EF Core stores it: on SQLite dates and times as ISO text,
/// money as REAL and enums as their snake_case text; on PostgreSQL in the column's own binary type.
/// </summary>
internal abstract class BulkColumn<T>(string name)
{
    /// <summary>Microsoft.Data.Sqlite's (and so EF Core's) DateTime text: the fraction and its dot are left out when zero.</summary>
    public const string SqliteDateTimeFormat = @"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF";
    public const string SqliteDateFormat = @"yyyy\-MM\-dd";

    public string Name { get; } = name;

    /// <summary>Binds the row's value to parameter <paramref name="index"/> (1-based) of a prepared SQLite statement.</summary>
    public abstract void BindSqlite(sqlite3_stmt statement, int index, T row);

    /// <summary>Appends the row's value to a row of PostgreSQL's binary COPY format.</summary>
    public abstract void WriteCopy(CopyBuffer buffer, T row);
}

internal sealed class TextColumn<T>(string name, Func<T, string?> get) : BulkColumn<T>(name)
{
    public override void BindSqlite(sqlite3_stmt statement, int index, T row) => SqliteText.Bind(statement, index, get(row));

    public override void WriteCopy(CopyBuffer buffer, T row)
    {
        if (get(row) is { } value) buffer.Text(value);
        else buffer.Null();
    }
}

internal sealed class IntColumn<T>(string name, Func<T, int?> get) : BulkColumn<T>(name)
{
    public override void BindSqlite(sqlite3_stmt statement, int index, T row)
    {
        if (get(row) is { } value) raw.sqlite3_bind_int(statement, index, value);
        else raw.sqlite3_bind_null(statement, index);
    }

    public override void WriteCopy(CopyBuffer buffer, T row)
    {
        if (get(row) is { } value) buffer.Int(value);
        else buffer.Null();
    }
}

internal sealed class LongColumn<T>(string name, Func<T, long?> get) : BulkColumn<T>(name)
{
    public override void BindSqlite(sqlite3_stmt statement, int index, T row)
    {
        if (get(row) is { } value) raw.sqlite3_bind_int64(statement, index, value);
        else raw.sqlite3_bind_null(statement, index);
    }

    public override void WriteCopy(CopyBuffer buffer, T row)
    {
        if (get(row) is { } value) buffer.Long(value);
        else buffer.Null();
    }
}

internal sealed class MoneyColumn<T>(string name, Func<T, decimal?> get) : BulkColumn<T>(name)
{
    public override void BindSqlite(sqlite3_stmt statement, int index, T row)
    {
        if (get(row) is { } value) raw.sqlite3_bind_double(statement, index, (double)value);
        else raw.sqlite3_bind_null(statement, index);
    }

    public override void WriteCopy(CopyBuffer buffer, T row)
    {
        if (get(row) is { } value) buffer.Numeric(value);
        else buffer.Null();
    }
}

internal sealed class DateColumn<T>(string name, Func<T, DateOnly?> get) : BulkColumn<T>(name)
{
    public override void BindSqlite(sqlite3_stmt statement, int index, T row) =>
        SqliteText.Bind(statement, index, get(row)?.ToString(SqliteDateFormat, CultureInfo.InvariantCulture));

    public override void WriteCopy(CopyBuffer buffer, T row)
    {
        if (get(row) is { } value) buffer.Date(value);
        else buffer.Null();
    }
}

internal sealed class TimestampColumn<T>(string name, Func<T, DateTime?> get) : BulkColumn<T>(name)
{
    public override void BindSqlite(sqlite3_stmt statement, int index, T row) =>
        SqliteText.Bind(statement, index, get(row) is { } value ? Utc(value).ToString(SqliteDateTimeFormat, CultureInfo.InvariantCulture) : null);

    public override void WriteCopy(CopyBuffer buffer, T row)
    {
        if (get(row) is { } value) buffer.Timestamp(Utc(value));
        else buffer.Null();
    }

    private static DateTime Utc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };
}

internal sealed class EnumColumn<T, TEnum>(string name, Func<T, TEnum?> get) : BulkColumn<T>(name)
    where TEnum : struct, Enum
{
    public override void BindSqlite(sqlite3_stmt statement, int index, T row) =>
        SqliteText.Bind(statement, index, get(row) is { } value ? EnumText.Format(value) : null);

    public override void WriteCopy(CopyBuffer buffer, T row)
    {
        if (get(row) is { } value) buffer.Text(EnumText.Format(value));
        else buffer.Null();
    }
}

internal static class SqliteText
{
    public static void Bind(sqlite3_stmt statement, int index, string? value)
    {
        if (value is null) raw.sqlite3_bind_null(statement, index);
        else raw.sqlite3_bind_text(statement, index, value);
    }
}
