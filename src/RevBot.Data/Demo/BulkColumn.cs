using System.Globalization;
using Npgsql;
using NpgsqlTypes;
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

    public abstract void WritePostgres(NpgsqlBinaryImporter writer, T row);
}

internal sealed class TextColumn<T>(string name, Func<T, string?> get) : BulkColumn<T>(name)
{
    public override void BindSqlite(sqlite3_stmt statement, int index, T row) => SqliteText.Bind(statement, index, get(row));

    public override void WritePostgres(NpgsqlBinaryImporter writer, T row)
    {
        if (get(row) is { } value) writer.Write(value, NpgsqlDbType.Text);
        else writer.WriteNull();
    }
}

internal sealed class IntColumn<T>(string name, Func<T, int?> get) : BulkColumn<T>(name)
{
    public override void BindSqlite(sqlite3_stmt statement, int index, T row)
    {
        if (get(row) is { } value) raw.sqlite3_bind_int(statement, index, value);
        else raw.sqlite3_bind_null(statement, index);
    }

    public override void WritePostgres(NpgsqlBinaryImporter writer, T row)
    {
        if (get(row) is { } value) writer.Write(value, NpgsqlDbType.Integer);
        else writer.WriteNull();
    }
}

internal sealed class LongColumn<T>(string name, Func<T, long?> get) : BulkColumn<T>(name)
{
    public override void BindSqlite(sqlite3_stmt statement, int index, T row)
    {
        if (get(row) is { } value) raw.sqlite3_bind_int64(statement, index, value);
        else raw.sqlite3_bind_null(statement, index);
    }

    public override void WritePostgres(NpgsqlBinaryImporter writer, T row)
    {
        if (get(row) is { } value) writer.Write(value, NpgsqlDbType.Bigint);
        else writer.WriteNull();
    }
}

internal sealed class MoneyColumn<T>(string name, Func<T, decimal?> get) : BulkColumn<T>(name)
{
    public override void BindSqlite(sqlite3_stmt statement, int index, T row)
    {
        if (get(row) is { } value) raw.sqlite3_bind_double(statement, index, (double)value);
        else raw.sqlite3_bind_null(statement, index);
    }

    public override void WritePostgres(NpgsqlBinaryImporter writer, T row)
    {
        if (get(row) is { } value) writer.Write(value, NpgsqlDbType.Numeric);
        else writer.WriteNull();
    }
}

internal sealed class DateColumn<T>(string name, Func<T, DateOnly?> get) : BulkColumn<T>(name)
{
    public override void BindSqlite(sqlite3_stmt statement, int index, T row) =>
        SqliteText.Bind(statement, index, get(row)?.ToString(SqliteDateFormat, CultureInfo.InvariantCulture));

    public override void WritePostgres(NpgsqlBinaryImporter writer, T row)
    {
        if (get(row) is { } value) writer.Write(value, NpgsqlDbType.Date);
        else writer.WriteNull();
    }
}

internal sealed class TimestampColumn<T>(string name, Func<T, DateTime?> get) : BulkColumn<T>(name)
{
    public override void BindSqlite(sqlite3_stmt statement, int index, T row) =>
        SqliteText.Bind(statement, index, get(row) is { } value ? Utc(value).ToString(SqliteDateTimeFormat, CultureInfo.InvariantCulture) : null);

    public override void WritePostgres(NpgsqlBinaryImporter writer, T row)
    {
        if (get(row) is { } value) writer.Write(Utc(value), NpgsqlDbType.TimestampTz);
        else writer.WriteNull();
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

    public override void WritePostgres(NpgsqlBinaryImporter writer, T row)
    {
        if (get(row) is { } value) writer.Write(EnumText.Format(value), NpgsqlDbType.Text);
        else writer.WriteNull();
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
