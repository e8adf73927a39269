using System.CommandLine;
using RevBot.Core.Company;
using RevBot.Data.Storage;

namespace RevBot.Host.Cli;

/// <summary><c>revbot db migrate</c>: brings the schema up to date.</summary>
internal static class DbCommand
{
    public static Command Create()
    {
        var migrate = new Command("migrate", "Apply the database migrations (safe to run from several instances at once on PostgreSQL).");
        migrate.SetAction(async (parse, ct) =>
        {
            var output = parse.InvocationConfiguration.Output;
            if (!TargetResolver.TryResolve(parse, out var target)) return 2;
            // The company's zone and fiscal year (Company__TimeZone…, as `serve` reads them) decide what the rollups
            // keep; a bad setting stops here, before anything changes.
            await using var services = CliServices.Create(target);
            if (!CliServices.TryCompany(services, parse.InvocationConfiguration.Error, out var company)) return 2;
            await using var db = RevBotDbFactory.Create(target);
            // Each long step (a migration, a rollup fill) says so on stderr while it runs; stdout keeps the result.
            var progress = new ProgressLog(parse.InvocationConfiguration.Error);
            await DatabaseMigrator.MigrateAsync(db, progress, ct);
            var (zone, windows) = await Rollups.KeepAsync(db, company, services.GetRequiredService<CompanyClock>().Today, progress, ct);
            if (zone) await output.WriteLineAsync($"The closed-deal rollup now also counts days in {company.TimeZone}.");
            if (windows > 0) await output.WriteLineAsync($"The cohort rollup now keeps {windows} more windows.");
            await output.WriteLineAsync($"Database {target} is up to date.");
            return 0;
        });
        var db = new Command("db", "Database maintenance.");
        db.Subcommands.Add(migrate);
        return db;
    }
}
