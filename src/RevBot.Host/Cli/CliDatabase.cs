using Humanizer;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using RevBot.Core.Storage;
using RevBot.Data.Storage;

namespace RevBot.Host.Cli;

/// <summary>
/// Gets a data command's database ready. Commands that only read or add to data already there (ask, chat, digest
/// preview, export, alerts scan) never create a database: a SQLite file that does not exist, or exists without
/// RevBot's tables, is refused with a sentence on how to make one. A RevBot SQLite file behind the binary's schema is
/// migrated (as <c>serve</c> does: the host owns its files); PostgreSQL must already be (<c>revbot db migrate</c>).
/// Failing to connect at all is left to <see cref="CliFailures"/>, which names the cause.
/// </summary>
internal static class CliDatabase
{
    /// <summary>Call before creating a context for <paramref name="target"/>: creating one makes the SQLite file's folder.</summary>
    public static bool Exists(DbTarget target, TextWriter error)
    {
        if (target.Provider != DbProvider.Sqlite) return true;
        var path = new SqliteConnectionStringBuilder(target.ConnectionString).DataSource;
        if (File.Exists(path)) return true;
        error.WriteLine(target == DbTarget.DefaultSqlite()
            ? $"revbot: the embedded database {path} does not exist yet; start the bot once (`revbot serve` creates it with a demo company), run `revbot seed`, or give --db."
            : $"revbot: there is no database at {path}; give --db an existing one, or create it with `revbot seed --db {target}` or `revbot import <folder> --db {target}`.");
        return false;
    }

    /// <param name="createSchema">True for a command that may start a new database (import): an empty SQLite file is migrated.</param>
    public static async Task<bool> EnsureReadyAsync(RevBotDb db, DbTarget target, TextWriter error, CancellationToken ct, bool createSchema = false)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).Count();
        if (pending == 0) return true;
        if (target.Provider == DbProvider.Sqlite && (createSchema || (await db.Database.GetAppliedMigrationsAsync(ct)).Any()))
        {
            // Migrations are maintenance statements: untimed, each named on stderr while it runs.
            await DatabaseMigrator.MigrateAsync(db, new ProgressLog(error), ct);
            return true;
        }
        await error.WriteLineAsync(target.Provider == DbProvider.Sqlite
            ? $"revbot: {target} has no RevBot tables (a new or empty file); fill it with `revbot seed --db {target}` or `revbot import <folder> --db {target}`."
            : $"revbot: {target}: {"migration".ToQuantity(pending)} not applied; run `revbot db migrate`.");
        return false;
    }
}
