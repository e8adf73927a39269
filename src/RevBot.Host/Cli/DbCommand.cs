using System.CommandLine;
using Microsoft.Extensions.Options;
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
            if (!TargetResolver.TryResolve(parse, out var target)) return 2;
            await using var db = RevBotDbFactory.Create(target);
            await DatabaseMigrator.MigrateAsync(db, ct);
            // The company's zone and fiscal year (Company__TimeZone…, as `serve` reads them) decide what the rollups keep.
            await using (var services = CliServices.Create(target))
            {
                var company = services.GetRequiredService<IOptions<CompanyOptions>>().Value;
                var (zone, windows) = await Rollups.KeepAsync(db, company, services.GetRequiredService<CompanyClock>().Today, ct);
                if (zone) Console.WriteLine($"The closed-deal rollup now also counts days in {company.TimeZone}.");
                if (windows > 0) Console.WriteLine($"The cohort rollup now keeps {windows} more windows.");
            }
            Console.WriteLine($"Database {target} is up to date.");
            return 0;
        });
        var db = new Command("db", "Database maintenance.");
        db.Subcommands.Add(migrate);
        return db;
    }
}
