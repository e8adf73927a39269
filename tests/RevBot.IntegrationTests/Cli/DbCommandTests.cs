using System.CommandLine;
using Npgsql;
using RevBot.Data.Storage;
using RevBot.Host.Cli;
using RevBot.Testing;

namespace RevBot.IntegrationTests.Cli;

/// <summary><c>revbot db migrate</c>: the schema, then the company's zone and cohort windows for the rollups.</summary>
public sealed class DbCommandTests
{
    private static async Task<(int Code, string Output, string Error)> RunAsync(string db)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await RevBotCli.Create().Parse(["db", "migrate", "--db", db])
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, TestContext.Current.CancellationToken);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Migrate_on_PostgreSQL_registers_the_company_zone_and_cohort_windows_once()
    {
        await using var database = await TestDatabase.CreateAsync(DbProvider.Postgres, migrate: false);

        var first = await RunAsync(database.Target.ConnectionString);
        var second = await RunAsync(database.Target.ConnectionString);

        Assert.Equal(0, first.Code);
        // What it is doing while it runs, on stderr: each migration, then each rollup fill, with its time when done.
        Assert.Matches(@"(?m)^\d\d:\d\d:\d\d Applying migration \d+_Initial…$", first.Error);
        Assert.Matches(@"(?m)^\d\d:\d\d:\d\d Applying migration \d+_SubscriptionRollups: done in \d+\.\ds\.$", first.Error);
        Assert.Matches(@"(?m)^\d\d:\d\d:\d\d Filling in the closed-deal rollup for the time zone UTC…$", first.Error);
        Assert.Matches(@"(?m)^\d\d:\d\d:\d\d Filling in \d+ new cohort windows? of the subscription rollups: done in \d+\.\ds\.$", first.Error);
        Assert.Contains("The closed-deal rollup now also counts days in UTC.", first.Output, StringComparison.Ordinal);
        Assert.Matches(@"The cohort rollup now keeps \d+ more windows\.", first.Output);
        // Nothing to do: no step, so no progress line.
        Assert.Equal((0, ""), (second.Code, second.Error));
        Assert.DoesNotContain("rollup", second.Output, StringComparison.Ordinal);
        await using var conn = new NpgsqlConnection(database.Target.ConnectionString);
        await conn.OpenAsync(TestContext.Current.CancellationToken);
        await using var windows = new NpgsqlCommand("SELECT count(*) FROM cohort_windows", conn);
        // Every month, fiscal quarter and year from three years back to a year ahead: 49 months, 17 quarters, 5 years at
        // most; and up to seven windows open today (month, quarter and year so far, the same points of the ones before,
        // the twelve months to today).
        Assert.InRange((long)(await windows.ExecuteScalarAsync(TestContext.Current.CancellationToken))!, 49 + 16 + 4, 49 + 17 + 5 + 7);
    }

    [Fact]
    public async Task Migrate_on_SQLite_has_no_rollups_to_register()
    {
        var path = TestFiles.NewPath("migrate.db");
        try
        {
            var (code, output, error) = await RunAsync($"sqlite:{path}");

            Assert.Equal(0, code);
            Assert.Matches(@"(?m)^\d\d:\d\d:\d\d Applying migration \d+_Initial: done in \d+\.\ds\.$", error);
            Assert.DoesNotContain("rollup", output + error, StringComparison.Ordinal);
            Assert.Contains("is up to date", output, StringComparison.Ordinal);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (File.Exists(path)) File.Delete(path);
        }
    }
}
