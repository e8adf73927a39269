using Microsoft.Extensions.Options;
using RevBot.Core.Storage;
using RevBot.Data.Storage;

namespace RevBot.Host.Hosting;

/// <summary>Migrates (and for a new embedded database, seeds) before the host starts taking requests.</summary>
internal static class DatabasePreparation
{
    public static async Task RunAsync(WebApplication app, CancellationToken ct)
    {
        var options = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var target = app.Services.GetRequiredService<DbTarget>();
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("RevBot.Database");
        var isSqlite = target.Provider == DbProvider.Sqlite;
        if (!isSqlite && !options.MigrateOnStart)
        {
            log.LogInformation("Using {Database}; migrations are not applied at start (use --migrate or `revbot db migrate`).", target);
            return;
        }
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RevBotDb>();
        await DatabaseMigrator.MigrateAsync(db, ct);
        log.LogInformation("Database {Database} is migrated.", target);
    }
}
