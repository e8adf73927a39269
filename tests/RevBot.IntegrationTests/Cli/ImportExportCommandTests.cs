using System.CommandLine;
using RevBot.Host.Cli;
using RevBot.Testing;

namespace RevBot.IntegrationTests.Cli;

/// <summary><c>revbot import</c> and <c>revbot export</c> as a person runs them: what they print and how they exit.</summary>
public sealed class ImportExportCommandTests : IDisposable
{
    private readonly string _dir = TestFiles.NewFolder("cli");
    private static readonly string Sample = Path.Combine(AppContext.BaseDirectory, "Data", "sample");

    private string Db => $"sqlite:{Path.Combine(_dir, "cli.db")}";

    [Fact]
    public async Task Import_prints_a_summary_and_exits_0_and_export_writes_the_twelve_files()
    {
        var (code, output, error) = await RunAsync("import", Sample, "--db", Db);

        Assert.Equal(0, code);
        // A new embedded file is migrated first: stderr has that progress (each migration and its time), nothing else.
        Assert.Contains(Lines(error), l => l.EndsWith("_Initial…", StringComparison.Ordinal));
        Assert.All(Lines(error), l => Assert.Matches(ProgressLine, l));
        Assert.Contains("deals.csv: 4 rows, 4 inserted, 0 updated, 0 unchanged", output, StringComparison.Ordinal);
        Assert.Contains("warning: deals.csv:4: owner_email: user eve.martin@acme.test is not in users.csv", output, StringComparison.Ordinal);

        (code, output, _) = await RunAsync("import", Sample, "--db", Db);
        Assert.Equal(0, code);
        Assert.Contains("deals.csv: 4 rows, 0 inserted, 0 updated, 4 unchanged", output, StringComparison.Ordinal);

        var exported = Path.Combine(_dir, "export");
        (code, output, _) = await RunAsync("export", exported, "--db", Db);
        Assert.Equal(0, code);
        Assert.Contains("deals.csv: 4 rows", output, StringComparison.Ordinal);
        Assert.Equal(12, Directory.GetFiles(exported, "*.csv").Length);
    }

    [Fact]
    public async Task A_refused_import_prints_every_error_and_exits_1()
    {
        var folder = Path.Combine(_dir, "bad");
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.GetFiles(Sample)) File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Data", "bad", "several-files")))
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)), overwrite: true);

        var (code, _, error) = await RunAsync("import", folder, "--db", Db);

        Assert.Equal(1, code);
        Assert.Equal(
            ["deals.csv:2: amount: '12k' is not a number", "usage.csv:3: active_users: -118 is below 0"],
            Lines(error).Where(l => !System.Text.RegularExpressions.Regex.IsMatch(l, ProgressLine)).ToArray()[..2]);
        Assert.Contains("Import refused: 2 errors; nothing was changed", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Importing_a_folder_that_does_not_exist_exits_2()
    {
        var (code, _, error) = await RunAsync("import", Path.Combine(_dir, "nowhere"), "--db", Db);

        Assert.Equal(2, code);
        Assert.Contains("does not exist", error, StringComparison.Ordinal);
    }

    /// <summary>A progress line of a maintenance step (migrations): time, step, then "…" or its duration.</summary>
    private const string ProgressLine = @"^\d\d:\d\d:\d\d Applying migration \w+(…|: done in \d+\.\ds\.)$";

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await RevBotCli.Create().Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, TestContext.Current.CancellationToken);
        return (code, output.ToString(), error.ToString());
    }
}
