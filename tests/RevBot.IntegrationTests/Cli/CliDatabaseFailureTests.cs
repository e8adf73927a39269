using Microsoft.EntityFrameworkCore;
using Npgsql;
using RevBot.Data.Storage;
using RevBot.Testing;

namespace RevBot.IntegrationTests.Cli;

/// <summary>
/// Every command against a database it cannot use says so in one sentence (no stack trace), exits non-zero, and
/// creates nothing: no SQLite folder or file it was only asked to read, no export folder, no chart.
/// </summary>
public sealed class CliDatabaseFailureTests
{
    /// <summary>The commands, given a scratch folder for what they would write.</summary>
    private static readonly Dictionary<string, Func<string, string[]>> Commands = new()
    {
        ["ask"] = _ => ["ask", "what's our win rate?"],
        ["chat"] = _ => ["chat"],
        ["digest preview"] = f => ["digest", "preview", "sales", "--out", Path.Combine(f, "charts")],
        ["export"] = f => ["export", Path.Combine(f, "export")],
        ["alerts scan --dry-run"] = _ => ["alerts", "scan", "--dry-run"],
        ["alerts scan"] = _ => ["alerts", "scan"],
        ["import"] = _ => ["import", AppContext.BaseDirectory],
        ["seed"] = _ => ["seed", "--scale", "0.01"],
        ["db migrate"] = _ => ["db", "migrate"],
        ["serve"] = _ => ["serve", "--migrate", "--urls", "http://127.0.0.1:0"],
    };

    /// <summary>Commands that only read: they must not create a SQLite file (the others create one on purpose).</summary>
    private static readonly HashSet<string> Readers = ["ask", "chat", "digest preview", "export", "alerts scan --dry-run", "alerts scan"];

    /// <summary>Commands that migrate a PostgreSQL database themselves (serve with --migrate).</summary>
    private static readonly HashSet<string> Migrators = ["seed", "db migrate", "serve"];

    public static TheoryData<string, string> Cases()
    {
        var cases = new TheoryData<string, string>();
        foreach (var command in Commands.Keys)
        {
            foreach (var target in new[] { "missing SQLite folder", "empty SQLite file", "wrong PostgreSQL password", "nothing listening", "unmigrated PostgreSQL" })
            {
                if (target.Contains("SQLite", StringComparison.Ordinal) && !Readers.Contains(command)) continue;
                if (target == "unmigrated PostgreSQL" && Migrators.Contains(command)) continue;
                cases.Add(command, target);
            }
        }
        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_bad_database_target_gets_one_sentence_and_nothing_is_created(string command, string target)
    {
        var folder = CliRun.NewFolder();
        TestDatabase? unmigrated = null;
        try
        {
            var db = target switch
            {
                "missing SQLite folder" => $"sqlite:{Path.Combine(folder, "db", "x.db")}",
                "empty SQLite file" => EmptyFile(folder),
                "wrong PostgreSQL password" => WrongPassword(),
                "nothing listening" => $"Host=127.0.0.1;Port={CliRun.ClosedPort()};Username=revbot;Password=revbot;Database=revbot;Timeout=5",
                _ => (unmigrated = await TestDatabase.CreateAsync(DbProvider.Postgres, migrate: false)).Target.ConnectionString,
            };
            var before = Snapshot(folder);

            var (code, output, error) = await CliRun.InProcessAsync([.. Commands[command](folder), "--db", db]);

            Assert.NotEqual(0, code);
            var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            Assert.StartsWith("revbot: ", line, StringComparison.Ordinal);
            Assert.EndsWith(".", line, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", error + output, StringComparison.Ordinal);
            Assert.Equal(before, Snapshot(folder));
            if (unmigrated is not null)
            {
                await using var ctx = unmigrated.NewContext();
                Assert.Empty(await ctx.Database.GetAppliedMigrationsAsync(TestContext.Current.CancellationToken));
            }
        }
        finally
        {
            if (unmigrated is not null) await unmigrated.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Serve_that_cannot_reach_its_database_prints_only_the_sentence()
    {
        var db = $"Host=127.0.0.1;Port={CliRun.ClosedPort()};Username=revbot;Password=revbot;Database=revbot;Timeout=5";

        var (code, output, error) = await CliRun.ProcessAsync(Path.GetTempPath(), new Dictionary<string, string>(), "serve", "--migrate", "--urls", "http://127.0.0.1:0", "--db", db);

        // Not even the host's JSON log of the failed connection: the one line on standard error is all.
        Assert.Equal((1, ""), (code, output));
        Assert.StartsWith("revbot: cannot reach PostgreSQL (", Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
    }

    private static string EmptyFile(string folder)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "empty.db");
        File.WriteAllBytes(path, []);
        return $"sqlite:{path}";
    }

    private static string WrongPassword()
    {
        TestDatabase.RequireProvider(DbProvider.Postgres);
        return new NpgsqlConnectionStringBuilder(TestDatabase.PostgresConnection) { Password = $"wrong-{Guid.NewGuid():N}" }.ConnectionString;
    }

    /// <summary>Every file and folder under <paramref name="folder"/>, with sizes: what a command created or wrote.</summary>
    private static List<string> Snapshot(string folder) =>
        Directory.Exists(folder)
            ? [.. Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(p => File.Exists(p) ? $"{p} {new FileInfo(p).Length}" : p)]
            : ["(none)"];
}
