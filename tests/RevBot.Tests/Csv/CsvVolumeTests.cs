using System.Diagnostics;
using RevBot.Data.Csv;
using RevBot.Data.Storage;
using RevBot.Testing;

namespace RevBot.Tests.Csv;

public sealed class CsvVolumeTests
{
    /// <summary>
    /// A small volume on every run: enough rows to cross several write batches and id chunks, so the paths that only
    /// large imports take are covered, while the test stays fast.
    /// </summary>
    [Fact]
    public async Task A_generated_folder_of_several_thousand_rows_round_trips_and_reimports_unchanged()
    {
        await using var test = await TestDatabase.CreateAsync(DbProvider.Sqlite);
        await using var copy = await TestDatabase.CreateAsync(DbProvider.Sqlite);
        using var folder = ImportFolder.Empty();
        using var exported = ImportFolder.Empty();
        VolumeFolder.Write(folder.Path, scale: 0.1);

        var first = await CsvAssert.ImportsAsync(test, folder.Path);
        var again = await CsvAssert.ImportsAsync(test, folder.Path);
        await using (var db = test.NewContext()) await CsvExporter.ExportAsync(db, exported.Path, TestContext.Current.CancellationToken);
        await CsvAssert.ImportsAsync(copy, exported.Path);

        Assert.Equal(1_200, first.Files.Single(f => f.File == "deals.csv").Inserted);
        Assert.Equal(6_000, first.Files.Single(f => f.File == "activities.csv").Inserted);
        Assert.All(again.Files, f => Assert.Equal(f.Rows, f.Unchanged));
        var expected = await DbSnapshot.TakeAsync(test);
        var actual = await DbSnapshot.TakeAsync(copy);
        foreach (var (table, rows) in expected.Where(t => t.Key != "audit_log")) Assert.Equal(rows, actual[table]);
    }

    /// <summary>
    /// The full realistic volume (12,000 deals, 100,000 activity and usage rows), timed. Explicit, as it takes a while:
    /// <c>dotnet build -c Release tests/RevBot.Tests &amp;&amp; dotnet tests/RevBot.Tests/bin/Release/net10.0/RevBot.Tests.dll
    /// -explicit only -method "*Realistic_volume*" -parallel none -showliveoutput</c> (with REVBOT_TEST_POSTGRES set).
    /// </summary>
    [Theory(Explicit = true)]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Realistic_volume_imports_in_seconds(DbProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var test = await TestDatabase.CreateAsync(provider);
        using var folder = ImportFolder.Empty();
        using var exported = ImportFolder.Empty();
        VolumeFolder.Write(folder.Path);

        var clock = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var first = await CsvAssert.ImportsAsync(test, folder.Path);
        var importTime = clock.Elapsed;
        var importCpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        clock.Restart();
        var again = await CsvAssert.ImportsAsync(test, folder.Path);
        var reimportTime = clock.Elapsed;
        clock.Restart();
        await using (var db = test.NewContext()) await CsvExporter.ExportAsync(db, exported.Path, ct);
        var exportTime = clock.Elapsed;

        var rows = first.Files.Sum(f => f.Rows);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{provider}: {rows:N0} rows; import {importTime.TotalSeconds:F1} s ({importCpu.TotalSeconds:F1} s CPU in this process), identical re-import {reimportTime.TotalSeconds:F1} s, export {exportTime.TotalSeconds:F1} s");
        Assert.All(again.Files, f => Assert.Equal(f.Rows, f.Unchanged));
        Assert.True(importTime < TimeSpan.FromSeconds(60), $"import took {importTime}");
    }
}
