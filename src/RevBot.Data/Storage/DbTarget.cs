using Microsoft.Data.Sqlite;
using Npgsql;

namespace RevBot.Data.Storage;

/// <summary>
/// Where the revenue database lives: <c>sqlite:&lt;path&gt;</c> for the embedded file, or a Npgsql connection string
/// (<c>Host=...;Database=...;Username=...</c>) for PostgreSQL.
/// </summary>
public sealed record DbTarget(DbProvider Provider, string ConnectionString)
{
    public const string EnvironmentVariable = "REVBOT_DB";

    /// <summary>The embedded default: a SQLite file under the user's data folder.</summary>
    public static DbTarget DefaultSqlite()
    {
        var folder = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "RevBot");
        return Sqlite(Path.Combine(folder, "revbot.db"));
    }

    public static DbTarget Sqlite(string path) =>
        new(DbProvider.Sqlite, new SqliteConnectionStringBuilder { DataSource = Path.GetFullPath(path), Pooling = true }.ToString());

    /// <summary>Parses a target; the error message is one sentence fit to show a user.</summary>
    public static bool TryParse(string? text, out DbTarget? target, out string? error)
    {
        target = null;
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "the database target is empty; use sqlite:<path> or a PostgreSQL connection string like Host=localhost;Database=revbot;Username=revbot";
            return false;
        }
        text = text.Trim();
        if (text.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase))
        {
            var path = text["sqlite:".Length..].Trim();
            if (path.Length == 0)
            {
                error = "the database target 'sqlite:' has no file path; use sqlite:<path>, e.g. sqlite:./revbot.db";
                return false;
            }
            target = Sqlite(path);
            return true;
        }
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(text);
            if (string.IsNullOrEmpty(builder.Host))
            {
                error = "the database target is neither sqlite:<path> nor a PostgreSQL connection string with Host=...";
                return false;
            }
            target = new DbTarget(DbProvider.Postgres, builder.ConnectionString);
            return true;
        }
        catch (ArgumentException)
        {
            error = "the database target is neither sqlite:<path> nor a valid PostgreSQL connection string (Host=...;Database=...;Username=...)";
            return false;
        }
    }

    public static DbTarget Parse(string? text) =>
        TryParse(text, out var target, out var error) ? target! : throw new FormatException(error);

    /// <summary>A description safe to log: never the password.</summary>
    public override string ToString() => Provider switch
    {
        DbProvider.Sqlite => $"sqlite:{new SqliteConnectionStringBuilder(ConnectionString).DataSource}",
        _ => Describe(new NpgsqlConnectionStringBuilder(ConnectionString)),
    };

    private static string Describe(NpgsqlConnectionStringBuilder b) => $"postgres://{b.Username}@{b.Host}:{b.Port}/{b.Database}";
}
