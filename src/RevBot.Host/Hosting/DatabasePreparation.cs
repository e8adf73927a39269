using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RevBot.Core.Company;
using RevBot.Core.Storage;
using RevBot.Data.Demo;
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
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RevBotDb>();
        // A database that refuses or cannot be reached stops the start with the command line's one sentence
        // (Cli/CliFailures): opened here, outside EF, the failure is not first logged with its stack trace.
        var probe = db.Database.GetDbConnection();
        await probe.OpenAsync(ct);
        await probe.CloseAsync();
        if (!isSqlite && !options.MigrateOnStart)
        {
            log.LogInformation("Using {Database}; migrations are not applied at start (use --migrate or `revbot db migrate`).", target);
            if ((await DatabaseMigrator.CheckAsync(db, ct)).Ready) await KeepRollupsAsync(app, db, log, ct);
            return;
        }
        await DatabaseMigrator.MigrateAsync(db, log, ct);
        log.LogInformation("Database {Database} is migrated.", target);
        await KeepRollupsAsync(app, db, log, ct);
        if (isSqlite && options.SeedDemoData && !await db.Users.AnyAsync(ct)) await SeedDemoAsync(app, db, options, log, ct);
    }

    /// <summary>The rollups answer only in the company's time zone and for registered cohort windows (PostgreSQL).</summary>
    private static async Task KeepRollupsAsync(WebApplication app, RevBotDb db, ILogger log, CancellationToken ct)
    {
        var company = app.Services.GetRequiredService<IOptions<CompanyOptions>>().Value;
        var (zone, windows) = await Rollups.KeepAsync(db, company, app.Services.GetRequiredService<CompanyClock>().Today, log, ct);
        if (zone) log.LogInformation("The closed-deal rollup now also counts days in {TimeZone}.", company.TimeZone);
        if (windows > 0) log.LogInformation("The cohort rollup now keeps {Windows} more windows.", windows);
    }

    /// <summary>A new embedded database gets a demo company, so a first `dotnet run` has numbers to show.</summary>
    private static async Task SeedDemoAsync(WebApplication app, RevBotDb db, DatabaseOptions options, ILogger log, CancellationToken ct)
    {
        if (await DemoSeeder.DescribeExistingDataAsync(db, ct) is { } existing)
        {
            log.LogInformation("Not seeding demo data: the database has no users but already has {Existing}.", existing);
            return;
        }
        var seed = new DemoSeedOptions
        {
            Scale = options.DemoScale,
            AsOf = app.Services.GetRequiredService<CompanyClock>().Today,
            Company = app.Services.GetRequiredService<IOptions<CompanyOptions>>().Value,
        };
        var result = await DemoSeeder.SeedAsync(db, seed, log, ct);
        log.LogInformation("Seeded a demo company as of {AsOf:yyyy-MM-dd}: {Deals:N0} deals, {Rows:N0} rows in {Seconds:F1}s (Database:SeedDemoData=false turns this off).",
            seed.AsOf, result["deals"], result.TotalRows, result.Elapsed.TotalSeconds);
    }
}
