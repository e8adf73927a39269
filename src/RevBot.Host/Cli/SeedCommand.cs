using System.CommandLine;
using RevBot.Data.Demo;
using RevBot.Data.Storage;

namespace RevBot.Host.Cli;

/// <summary><c>revbot seed</c>: migrates, then fills an empty database with the deterministic demo company.</summary>
internal static class SeedCommand
{
    public static readonly Option<double> Scale = new("--scale")
    {
        Description = "Size of the company: 1 is ~1,500 accounts and ~12,000 deals; 100 is over a million deals.",
        DefaultValueFactory = _ => 1,
    };

    public static readonly Option<string?> AsOf = new("--as-of")
    {
        Description = "The day the data runs up to, as yyyy-MM-dd (default: today, UTC).",
    };

    public static readonly Option<int> Seed = new("--seed")
    {
        Description = "Random seed: the same seed, scale and as-of date always give the same data.",
        DefaultValueFactory = _ => DemoSeedOptions.DefaultSeed,
    };

    public static readonly Option<bool> Verbose = new("--verbose")
    {
        Description = "Also show how long each index build and foreign key check took.",
    };

    public static Command Create()
    {
        var seed = new Command("seed", "Fill an empty database with a realistic demo company (deals, customers, usage, tickets, quotas...).") { Scale, AsOf, Seed, Verbose };
        seed.SetAction(async (parse, ct) =>
        {
            if (!TryGetAsOf(parse, out var asOf)) return 2;
            var options = new DemoSeedOptions { Scale = parse.GetValue(Scale), AsOf = asOf, Seed = parse.GetValue(Seed) };
            if (options.Problems().FirstOrDefault() is { } problem)
            {
                await Console.Error.WriteLineAsync($"revbot: {problem}");
                return 2;
            }
            if (!TargetResolver.TryResolve(parse, out var target)) return 2;
            await using var services = CliServices.Create(target);
            if (!CliServices.TryCompany(services, Console.Error, out var company)) return 2;
            await using var db = RevBotDbFactory.Create(target);
            // Each step (a migration, a table copied, a rollup rebuilt) says so on stderr while it runs; stdout keeps the summary.
            var progress = new ProgressLog(parse.InvocationConfiguration.Error, parse.GetValue(Verbose) ? LogLevel.Debug : LogLevel.Information);
            await DatabaseMigrator.MigrateAsync(db, progress, ct);
            // Before the load, which fills the rollups in for what is registered: the company's zone, and cohort windows around the demo's as-of day.
            await Rollups.KeepAsync(db, company, asOf, progress, ct);
            if (await DemoSeeder.DescribeExistingDataAsync(db, ct) is { } existing)
            {
                await Console.Error.WriteLineAsync(
                    $"revbot: {target} already has data ({existing}); `revbot seed` only fills an empty database. Use a new --db target, or delete the file / drop the database first.");
                return 1;
            }
            var result = await DemoSeeder.SeedAsync(db, options, progress, ct);
            var output = parse.InvocationConfiguration.Output;
            foreach (var (table, rows) in result.Rows) await output.WriteLineAsync($"{table,-20} {rows,14:N0}");
            await output.WriteLineAsync($"Seeded {target} with {result.TotalRows:N0} rows in {result.Elapsed.TotalSeconds:F1}s.");
            return 0;
        });
        return seed;
    }

    private static bool TryGetAsOf(ParseResult parse, out DateOnly asOf)
    {
        var text = parse.GetValue(AsOf);
        if (text is null)
        {
            asOf = DateOnly.FromDateTime(DateTime.UtcNow);
            return true;
        }
        if (Core.Periods.SupportedDates.TryParse(text, out asOf, out var error)) return true;
        Console.Error.WriteLine($"revbot: --as-of {error} (got '{text}').");
        return false;
    }
}
