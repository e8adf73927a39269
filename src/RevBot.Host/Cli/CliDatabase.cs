using RevBot.Core.Storage;
using RevBot.Data.Storage;

namespace RevBot.Host.Cli;

/// <summary>Gets a data command's database ready: an embedded SQLite file is migrated (as <c>serve</c> does); PostgreSQL must already be.</summary>
internal static class CliDatabase
{
    public static async Task<bool> EnsureReadyAsync(RevBotDb db, DbTarget target, TextWriter error, CancellationToken ct)
    {
        if (target.Provider == DbProvider.Sqlite)
        {
            // Migrations are maintenance statements: untimed, each named on stderr while it runs.
            await DatabaseMigrator.MigrateAsync(db, new ProgressLog(error), ct);
            return true;
        }
        var status = await DatabaseMigrator.CheckAsync(db, ct);
        if (status.Ready) return true;
        await error.WriteLineAsync($"revbot: {target}: {status.Detail}.");
        return false;
    }
}
