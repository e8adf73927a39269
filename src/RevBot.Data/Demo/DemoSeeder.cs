using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using RevBot.Core.Storage;

namespace RevBot.Data.Demo;

/// <summary>
/// Fills an empty, migrated database with a deterministic demo company (see <see cref="DemoSeedOptions"/>): people
/// through EF Core, everything else streamed through the provider's bulk path inside a single transaction, so a failed
/// seed leaves the database as it was.
/// </summary>
public static class DemoSeeder
{
    /// <summary>A short description of the revenue data already there ("12,000 deals, 1,500 accounts"), or null when there is none.</summary>
    public static async Task<string?> DescribeExistingDataAsync(RevBotDb db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var counts = new (string Name, int Count)[]
        {
            ("deals", await db.Deals.CountAsync(ct)),
            ("accounts", await db.Accounts.CountAsync(ct)),
            ("users", await db.Users.CountAsync(ct)),
        };
        var present = counts.Where(c => c.Count > 0).Select(c => $"{c.Count:N0} {c.Name}").ToList();
        return present.Count == 0 ? null : string.Join(", ", present);
    }

    /// <exception cref="DemoSeedRefusedException">The database already has deals, accounts or users.</exception>
    public static async Task<DemoSeedResult> SeedAsync(RevBotDb db, DemoSeedOptions options, ILogger? logger = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Problems().FirstOrDefault() is { } problem) throw new ArgumentException(problem, nameof(options));
        if (await DescribeExistingDataAsync(db, ct) is { } existing)
            throw new DemoSeedRefusedException($"the database already has data ({existing}); the demo company is only seeded into an empty database.");

        var log = logger ?? NullLogger.Instance;
        var started = Stopwatch.GetTimestamp();
        var generator = new DemoGenerator(options);
        log.LogInformation("Seeding a demo company as of {AsOf:yyyy-MM-dd} (scale {Scale}, seed {Seed}): {Accounts:N0} accounts.",
            options.AsOf, options.Scale, options.Seed, generator.AccountCount);
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var rows = db.Database.IsNpgsql()
                ? await PostgresDemoLoader.LoadAsync(db, generator, log, ct)
                : await SqliteDemoLoader.LoadAsync(db, generator, log, ct);
            return new DemoSeedResult(rows, Stopwatch.GetElapsedTime(started));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The few people go through EF Core, inside the loader's transaction.</summary>
    internal static async Task<long> AddUsersAsync(RevBotDb db, DemoGenerator generator, CancellationToken ct)
    {
        db.Users.AddRange(generator.People.Users);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return generator.People.Users.Count;
    }
}
