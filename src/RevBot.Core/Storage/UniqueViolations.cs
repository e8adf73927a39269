using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace RevBot.Core.Storage;

/// <summary>
/// Tells a duplicate on one particular table's unique index or key from every other database error, by the error the
/// database reports (PostgreSQL: SQLSTATE 23505 and the constraint's name; SQLite: error 19 "UNIQUE constraint failed"
/// and the constraint's columns; the error code itself is not exposed through DbException there). The names come from the EF model, so they follow the migrations. Anything else,
/// including a duplicate elsewhere, is not one of these and keeps its own handling.
/// </summary>
public static class UniqueViolations
{
    public const string PostgresUniqueViolation = "23505";

    /// <summary>Microsoft.Data.Sqlite's message for SQLITE_CONSTRAINT (19) on a unique index or primary key, up to the columns.</summary>
    private const string SqliteUnique = "SQLite Error 19: 'UNIQUE constraint failed: ";

    /// <summary>True when the exception, or one inside it, is a unique violation on one of <paramref name="entities"/>' tables.</summary>
    public static bool IsOn(Exception? exception, IModel model, params Type[] entities)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(entities);
        var constraints = entities.Select(model.FindEntityType).OfType<IEntityType>().SelectMany(Constraints).ToList();
        for (var e = exception; e is not null; e = e.InnerException)
            if (e is DbException db && constraints.Exists(c => Matches(db, c))) return true;
        return false;
    }

    private static IEnumerable<(string Name, string Columns)> Constraints(IEntityType type)
    {
        var table = type.GetTableName()!;
        var store = StoreObjectIdentifier.Table(table, type.GetSchema());
        string Columns(IReadOnlyList<IProperty> properties) => string.Join(", ", properties.Select(p => $"{table}.{p.GetColumnName(store)}"));
        foreach (var key in type.GetKeys()) yield return (key.GetName()!, Columns(key.Properties));
        foreach (var index in type.GetIndexes().Where(i => i.IsUnique)) yield return (index.GetDatabaseName()!, Columns(index.Properties));
    }

    private static bool Matches(DbException e, (string Name, string Columns) constraint) =>
        (e.SqlState == PostgresUniqueViolation
            && (Equals(e.Data["ConstraintName"], constraint.Name) || e.Message.Contains($"\"{constraint.Name}\"", StringComparison.Ordinal)))
        || e.Message.StartsWith($"{SqliteUnique}{constraint.Columns}'", StringComparison.Ordinal);
}
