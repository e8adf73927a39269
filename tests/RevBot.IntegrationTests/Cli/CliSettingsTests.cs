using RevBot.Testing;

namespace RevBot.IntegrationTests.Cli;

/// <summary>
/// A bad setting (here in the environment, as in a container) stops every command that reads settings with one
/// sentence naming it, before it touches the database: the built binary is run, so the environment is its own.
/// </summary>
public sealed class CliSettingsTests : IAsyncLifetime
{
    private readonly string _folder = CliRun.NewFolder();

    private string Existing => $"sqlite:{Path.Combine(_folder, "existing.db")}";

    private string New => $"sqlite:{Path.Combine(_folder, "new", "x.db")}";

    public static TheoryData<string, string, string> Cases()
    {
        var cases = new TheoryData<string, string, string>();
        foreach (var command in new[] { "ask", "chat", "digest preview", "alerts scan", "alerts scan --dry-run", "sync hubspot", "seed", "db migrate", "serve" })
        {
            cases.Add(command, "Company__TimeZone", "Mars/Olympus");
            cases.Add(command, "Company__FiscalYearStartMonth", "thirteen");
        }
        return cases;
    }

    /// <summary>A migrated database, as `revbot db migrate` leaves one: a copy of the run's migrated template.</summary>
    public async ValueTask InitializeAsync() => await DatabaseTemplates.CopySqliteAsync(Path.Combine(_folder, "existing.db"));

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
        return ValueTask.CompletedTask;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_bad_setting_is_one_sentence_naming_it_and_nothing_runs(string command, string variable, string value)
    {
        // Readers get a database that is there; commands that create one get a path whose folder must stay absent.
        var reads = command is not ("seed" or "db migrate" or "serve");
        string[] args = command switch
        {
            "ask" => ["ask", "what's our win rate?"],
            "digest preview" => ["digest", "preview", "sales", "--out", Path.Combine(_folder, "charts")],
            "serve" => ["serve", "--urls", "http://127.0.0.1:0"],
            _ => command.Split(' '),
        };
        var before = new FileInfo(Path.Combine(_folder, "existing.db")).LastWriteTimeUtc;

        var (code, output, error) = await CliRun.ProcessAsync(_folder, new Dictionary<string, string> { [variable] = value }, [.. args, "--db", reads ? Existing : New]);

        Assert.NotEqual(0, code);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith("revbot: invalid setting: ", line, StringComparison.Ordinal);
        Assert.Contains(variable.Replace("__", ":", StringComparison.Ordinal), line, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", output + error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_folder, "new")));
        Assert.False(Directory.Exists(Path.Combine(_folder, "charts")));
        Assert.Equal(before, new FileInfo(Path.Combine(_folder, "existing.db")).LastWriteTimeUtc);
    }
}
