using RevBot.Testing;

namespace RevBot.IntegrationTests.Cli;

/// <summary><c>revbot import --map</c> and <c>--skip-invalid</c> as a person runs them: what they print, write and exit with.</summary>
public sealed class MappedImportCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateDirectory(CliRun.NewFolder()).FullName;

    private static readonly string Example = RepoPaths.File("docs", "mappings", "hubspot-deals.example.yaml");

    private string Db => $"sqlite:{Path.Combine(_dir, "cli.db")}";

    /// <summary>The HubSpot fixture export with its deals.csv replaced.</summary>
    private string Export(string? deals = null)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_dir, "export")).FullName;
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Data", "mappings", "hubspot")))
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)), overwrite: true);
        if (deals is not null) File.WriteAllText(Path.Combine(folder, "deals.csv"), deals);
        return folder;
    }

    private const string DealsHeader =
        "Record ID,Deal Name,Associated Company IDs,Deal owner,Amount,Currency,Deal Stage,Pipeline,Deal Type,Create Date,Close Date,Deal probability,Forecast category,Closed Lost Reason,Next step\n";

    [Fact]
    public async Task An_export_imports_through_its_mapping()
    {
        var (code, output, _) = await CliRun.InProcessAsync("import", "--map", Example, Export(), "--db", Db);

        Assert.Equal(0, code);
        Assert.Contains("deals.csv: 3 rows, 3 inserted, 0 updated, 0 unchanged", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mapping_problem_exits_2_before_the_database_is_touched()
    {
        var mapping = Path.Combine(_dir, "m.yaml");
        File.WriteAllText(mapping, File.ReadAllText(Example).Replace("name: Deal Name", "name: Deal Nmae", StringComparison.Ordinal));

        var (code, _, error) = await CliRun.InProcessAsync("import", "--map", mapping, Export(), "--db", Db);

        Assert.Equal(2, code);
        Assert.Contains("m.yaml:29: deals.name: unknown column 'Deal Nmae' in deals.csv (did you mean Deal Name?)", error, StringComparison.Ordinal);
        Assert.Contains("no row was read and nothing was changed", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_dir, "cli.db")));
    }

    [Fact]
    public async Task A_bad_row_refuses_the_import_naming_the_exports_file_line_and_column()
    {
        var export = Export(DealsHeader + "1,Good,9876543210,Bo Chen,10,USD,Contract Sent,P,New Business,2026-01-08 10:30,2026-03-20 16:45,,,,\n2,Bad,9876543210,Zoe Unknown,10,USD,Contract Sent,P,New Business,2026-01-08,2026-03-20,,,,\n");

        var (code, _, error) = await CliRun.InProcessAsync("import", "--map", Example, export, "--db", Db);

        Assert.Equal(1, code);
        Assert.Contains("deals.csv:3: Deal owner: 'Zoe Unknown' is not in the mapping's map", error, StringComparison.Ordinal);
        Assert.Contains("Import refused: 1 error; nothing was changed", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Skip_invalid_imports_the_rest_and_writes_the_refused_rows_to_the_report()
    {
        var export = Export(DealsHeader + "1,Good,9876543210,Bo Chen,10,USD,Contract Sent,P,New Business,2026-01-08 10:30,2026-03-20 16:45,,,,\n"
            + "2,Bad owner,9876543210,Zoe Unknown,10,USD,Contract Sent,P,New Business,2026-01-08,2026-03-20,,,,\n"
            + "3,No such company,1111,Bo Chen,10,USD,Contract Sent,P,New Business,2026-01-08,2026-03-20,,,,\n");
        var report = Path.Combine(_dir, "refused.csv");

        var (code, output, _) = await CliRun.InProcessAsync("import", "--map", Example, export, "--skip-invalid", "--report", report, "--db", Db);

        Assert.Equal(0, code);
        Assert.Contains("deals.csv: 1 rows, 1 inserted, 0 updated, 0 unchanged", output, StringComparison.Ordinal);
        Assert.Contains($"2 invalid rows left out; the reasons are in {report}.", output, StringComparison.Ordinal);
        Assert.Equal(
            [
                "file,line,column,reason",
                "deals.csv,3,Deal owner,\"'Zoe Unknown' is not in the mapping's map (known: Ana García, Bo Chen)\"",
                "deals.csv,4,Associated Company IDs,unknown account id '1111' (not in accounts.csv nor in the database)",
            ],
            File.ReadAllLines(report));
    }

    [Fact]
    public async Task Report_without_skip_invalid_is_refused()
    {
        var (code, _, error) = await CliRun.InProcessAsync("import", "--map", Example, Export(), "--report", Path.Combine(_dir, "r.csv"), "--db", Db);

        Assert.Equal(2, code);
        Assert.Contains("--report goes with --skip-invalid", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_dir, "cli.db")));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }
}
