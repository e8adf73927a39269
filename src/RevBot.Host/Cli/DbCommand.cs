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
            // The company's zone (Company__TimeZone, as `serve` reads it) is the one the closed-deal rollup must count in.
            await using (var services = CliServices.Create(target))
            {
                var zone = services.GetRequiredService<IOptions<CompanyOptions>>().Value.TimeZone;
                if (await ClosedDealRollup.KeepZoneAsync(db, zone, ct)) Console.WriteLine($"The closed-deal rollup now also counts days in {zone}.");
            }
            Console.WriteLine($"Database {target} is up to date.");
            return 0;
        });
        var db = new Command("db", "Database maintenance.");
        db.Subcommands.Add(migrate);
        return db;
    }
}
