using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using RevBot.Data.Storage;
using RevBot.Host.Cli;
using RevBot.Testing;

namespace RevBot.IntegrationTests.Cli;

public sealed class SeedCommandTests
{
    [Fact]
    public async Task Seed_fills_a_new_database_and_refuses_one_that_has_data()
    {
        var path = TestFiles.NewPath("seeded.db");
        string[] args = ["seed", "--db", $"sqlite:{path}", "--scale", "0.02", "--as-of", "2026-03-15", "--seed", "7"];

        var first = await RevBotCli.Create().Parse(args).InvokeAsync(cancellationToken: TestContext.Current.CancellationToken);
        var second = await RevBotCli.Create().Parse(args).InvokeAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(0, first);
        Assert.Equal(1, second);
        await using var db = RevBotDbFactory.Create(DbTarget.Sqlite(path));
        Assert.InRange(await db.Deals.CountAsync(TestContext.Current.CancellationToken), 100, 1_000);
        Assert.True(await db.Deals.AllAsync(d => d.CreatedAt < new DateTime(2026, 3, 15, 0, 0, 0, DateTimeKind.Utc), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Seed_on_PostgreSQL_says_what_it_is_doing_on_stderr_and_prints_the_summary_on_stdout()
    {
        await using var database = await TestDatabase.CreateAsync(DbProvider.Postgres, migrate: false);
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await RevBotCli.Create().Parse(["seed", "--db", database.Target.ConnectionString, "--scale", "0.02", "--as-of", "2026-03-15"])
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, TestContext.Current.CancellationToken);

        Assert.Equal(0, code);
        var steps = error.ToString();
        foreach (var step in new[] { "Applying migration \\d+_ClosedDealDays", "Rebuilding \\d+ indexes and checking \\d+ foreign keys", "Rebuilding the closed-deal rollup",
                     "Rebuilding the subscription rollups", "Vacuuming and analyzing the loaded tables" })
        {
            Assert.Matches($@"(?m)^\d\d:\d\d:\d\d {step}…$", steps);
            Assert.Matches($@"(?m)^\d\d:\d\d:\d\d {step}: done in \d+\.\ds\.$", steps);
        }
        Assert.Matches(@"(?m)^Seeded .* with [\d,]+ rows in \d+\.\ds\.$", output.ToString());
        Assert.DoesNotContain("Rebuilding", output.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--scale", "0")]
    [InlineData("--scale", "5000")]
    [InlineData("--as-of", "15/03/2026")]
    public async Task Bad_arguments_are_rejected_before_touching_the_database(string option, string value)
    {
        var path = TestFiles.NewPath("never.db");

        var exit = await RevBotCli.Create().Parse(["seed", "--db", $"sqlite:{path}", option, value]).InvokeAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(2, exit);
        Assert.False(File.Exists(path));
    }
}
