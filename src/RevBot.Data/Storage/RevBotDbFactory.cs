using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;
using RevBot.Core.Storage;

namespace RevBot.Data.Storage;

/// <summary>Creates a context for a target outside DI (the CLI commands, tests, design-time tools).</summary>
public static class RevBotDbFactory
{
    public static RevBotDb Create(DbTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return target.Provider switch
        {
            DbProvider.Sqlite => new SqliteRevBotDb(Options<SqliteRevBotDb>(target)),
            _ => new PostgresRevBotDb(Options<PostgresRevBotDb>(target)),
        };
    }

    public static DbContextOptions<T> Options<T>(DbTarget target) where T : DbContext
    {
        var builder = new DbContextOptionsBuilder<T>();
        Configure(builder, target);
        return builder.Options;
    }

    public static void Configure(DbContextOptionsBuilder builder, DbTarget target)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(target);
        // Statements keep the connection's own timeout (30 s unless the connection string's Command Timeout says
        // otherwise): a question that takes longer is better stopped. Only maintenance statements go without one,
        // each explicitly (MaintenanceStatements).
        if (target.Provider == DbProvider.Sqlite)
        {
            EnsureFolder(target);
            builder.UseSqlite(target.ConnectionString);
            builder.AddInterceptors(SqliteConnectionSetup.Instance);
        }
        else
        {
            builder.UseNpgsql(target.ConnectionString);
        }
        builder.UseSnakeCaseNamingConvention();
        // A failed SaveChanges always reaches its caller as an exception; some are expected and handled there (a
        // unique key lost to a concurrent insert of the same conversation or delivery). EF's own Error entry for
        // each would read as a fault in the logs, so it is kept at Debug: the caller logs what it does not expect.
        // Likewise a failed connection, command or query: when the database is away every request hits one, and each
        // is answered (503, "can't reach the data") and logged once as a warning where it is handled; an unexpected
        // failure still reaches its caller, which logs it at Error. EF's own entries stay, as warnings.
        builder.ConfigureWarnings(w => w.Log(
            (CoreEventId.SaveChangesFailed, LogLevel.Debug),
            (RelationalEventId.ConnectionError, LogLevel.Warning),
            (RelationalEventId.CommandError, LogLevel.Warning),
            (CoreEventId.QueryIterationFailed, LogLevel.Warning)));
    }

    private static void EnsureFolder(DbTarget target)
    {
        var path = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(target.ConnectionString).DataSource;
        var folder = Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(folder) && path != ":memory:") Directory.CreateDirectory(folder);
    }
}
