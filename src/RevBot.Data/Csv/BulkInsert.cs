using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using RevBot.Core.Storage;

namespace RevBot.Data.Csv;

/// <summary>
/// Inserts many new rows far faster than one SaveChanges command per row: on SQLite (in process) one prepared INSERT
/// re-run per row; on PostgreSQL (a round trip per statement) multi-row INSERTs of a few hundred rows. Values go
/// through each column's EF type mapping, so they are stored exactly as SaveChanges would store them (enums as text,
/// SQLite's REAL money, UTC times). Store-generated ids are left to the database. Runs in the import's transaction.
/// </summary>
internal static class BulkInsert
{
    private const int MaxParametersPerStatement = 2000;

    public static async Task RunAsync<T>(RevBotDb db, IReadOnlyList<T> rows, CancellationToken ct) where T : class
    {
        if (rows.Count == 0) return;
        var type = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped");
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var columns = type.GetProperties()
            .Where(p => !p.IsShadowProperty() && !(p.IsPrimaryKey() && p.ValueGenerated != ValueGenerated.Never) && !RowComparer<T>.ByDatabase(p)).ToArray();
        var converters = columns.Select(c => c.GetRelationalTypeMapping().Converter).ToArray();
        var getters = columns.Select(c => c.GetGetter()).ToArray();
        var sql = db.GetService<ISqlGenerationHelper>();
        var head = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.GetColumnName(table)!)))}) VALUES ";
        var sqlite = db.Database.IsSqlite();
        var rowsPerStatement = sqlite ? 1 : Math.Max(1, MaxParametersPerStatement / columns.Length);

        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            for (var start = 0; start < rows.Count; start += rowsPerStatement)
            {
                var count = Math.Min(rowsPerStatement, rows.Count - start);
                if (command.Parameters.Count != count * columns.Length) await PrepareAsync(command, head, columns, count, sql, sqlite, ct);
                for (var r = 0; r < count; r++)
                {
                    for (var c = 0; c < columns.Length; c++)
                    {
                        var value = getters[c].GetClrValue(rows[start + r]);
                        command.Parameters[r * columns.Length + c].Value =
                            (value is null ? null : converters[c] is { } converter ? converter.ConvertToProvider(value) : value) ?? DBNull.Value;
                    }
                }
                await command.ExecuteNonQueryAsync(ct);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Sets the statement for <paramref name="count"/> rows, its parameters typed by the columns' mappings.</summary>
    private static async Task PrepareAsync(DbCommand command, string head, IProperty[] columns, int count, ISqlGenerationHelper sql, bool prepare, CancellationToken ct)
    {
        var text = new StringBuilder(head);
        command.Parameters.Clear();
        for (var r = 0; r < count; r++)
        {
            text.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < columns.Length; c++)
            {
                var name = $"p{command.Parameters.Count}";
                command.Parameters.Add(columns[c].GetRelationalTypeMapping().CreateParameter(command, name, null, columns[c].IsNullable));
                text.Append(c == 0 ? "" : ", ").Append(sql.GenerateParameterNamePlaceholder(name));
            }
            text.Append(')');
        }
        command.CommandText = text.ToString();
        // SQLite then runs the one compiled statement for every row; PostgreSQL needs parameter types to prepare.
        if (prepare) await command.PrepareAsync(ct);
    }
}
