using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using RevBot.Core.Storage;

namespace RevBot.Data.Csv;

/// <summary>
/// Inserts many new rows far faster than one SaveChanges command per row: on PostgreSQL one binary COPY per call, so
/// the tables' statement triggers (the rollups, the stage exits) run once for the whole batch; on SQLite (in process)
/// one prepared INSERT re-run per row. Values go through each column's EF type mapping, so they are stored exactly as
/// SaveChanges would store them (enums as text, SQLite's REAL money, UTC times). Store-generated ids and computed
/// columns are left to the database; a column a trigger keeps (a stage change's exit) is written as given, and the
/// trigger corrects it. Runs in the import's transaction.
/// </summary>
internal static partial class BulkInsert
{
    public static async Task RunAsync<T>(RevBotDb db, IReadOnlyList<T> rows, CancellationToken ct) where T : class
    {
        if (rows.Count == 0) return;
        var type = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped");
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var columns = type.GetProperties()
            .Where(p => !p.IsShadowProperty() && !(p.IsPrimaryKey() && p.ValueGenerated != ValueGenerated.Never) && p.GetComputedColumnSql() is null)
            .Select(p => new Column(p, p.GetColumnName(table)!, p.GetRelationalTypeMapping(), p.GetGetter(), p.GetColumnType(table))).ToArray();
        var sql = db.GetService<ISqlGenerationHelper>();
        var into = $"{sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Name)))})";
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            if (db.Database.IsNpgsql()) await CopyAsync((NpgsqlConnection)db.Database.GetDbConnection(), into, rows, columns, ct);
            else await InsertEachAsync(db, into, rows, columns, sql, ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task CopyAsync<T>(NpgsqlConnection connection, string into, IReadOnlyList<T> rows, Column[] columns, CancellationToken ct) where T : class
    {
        // The store type without its facets ("numeric(18,2)" → "numeric") names the PostgreSQL type of each value sent.
        var types = columns.Select(c => Facets().Replace(c.StoreType, "")).ToArray();
        await using var importer = await connection.BeginBinaryImportAsync($"COPY {into} FROM STDIN (FORMAT BINARY)", ct);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(ct);
            for (var c = 0; c < columns.Length; c++)
            {
                if (columns[c].Value(row) is { } value) await importer.WriteAsync(value, types[c], ct);
                else await importer.WriteNullAsync(ct);
            }
        }
        await importer.CompleteAsync(ct);
    }

    private static async Task InsertEachAsync<T>(RevBotDb db, string into, IReadOnlyList<T> rows, Column[] columns, ISqlGenerationHelper sql, CancellationToken ct) where T : class
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        for (var c = 0; c < columns.Length; c++)
            command.Parameters.Add(columns[c].Mapping.CreateParameter(command, $"p{c}", null, columns[c].Property.IsNullable));
        command.CommandText = $"INSERT INTO {into} VALUES ({string.Join(", ", columns.Select((_, c) => sql.GenerateParameterNamePlaceholder($"p{c}")))})";
        // SQLite then runs the one compiled statement for every row.
        await command.PrepareAsync(ct);
        foreach (var row in rows)
        {
            for (var c = 0; c < columns.Length; c++) command.Parameters[c].Value = columns[c].Value(row) ?? DBNull.Value;
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    [GeneratedRegex(@"\s*\([^)]*\)")]
    private static partial Regex Facets();

    private sealed record Column(IProperty Property, string Name, RelationalTypeMapping Mapping, IClrPropertyGetter Getter, string StoreType)
    {
        /// <summary>The row's value as the database stores it (through the column's converter), or null.</summary>
        public object? Value(object row) => Getter.GetClrValue(row) is { } value ? Mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value : null;
    }
}
