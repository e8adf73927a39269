using RevBot.Data.Csv;
using RevBot.Data.Storage;
using RevBot.Testing;

namespace RevBot.Tests.Csv;

public sealed class CsvRoundTripTests
{
    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Importing_an_export_into_an_empty_database_gives_the_same_data(DbProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var original = await TestDatabase.CreateAsync(provider);
        await using var copy = await TestDatabase.CreateAsync(provider);
        using var exported = ImportFolder.Empty();
        using var reexported = ImportFolder.Empty();

        await CsvAssert.ImportsAsync(original, ImportFolder.Sample);
        await using (var db = original.NewContext()) await CsvExporter.ExportAsync(db, exported.Path, ct);
        await CsvAssert.ImportsAsync(copy, exported.Path);
        await using (var db = copy.NewContext()) await CsvExporter.ExportAsync(db, reexported.Path, ct);

        var expected = await DbSnapshot.TakeAsync(original);
        var actual = await DbSnapshot.TakeAsync(copy);
        // The audit log describes each import, not the data (the copy found Eve in users.csv), so it is not compared.
        foreach (var (table, rows) in expected.Where(t => t.Key != "audit_log"))
        {
            Assert.NotEmpty(rows);
            Assert.Equal(rows, actual[table]);
        }
        foreach (var file in CsvImporter.FileNames)
            Assert.Equal(File.ReadAllText(Path.Combine(exported.Path, file)), File.ReadAllText(Path.Combine(reexported.Path, file)));
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task The_export_of_the_sample_is_the_documented_canonical_text(DbProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        using var exported = ImportFolder.Empty();
        await CsvAssert.ImportsAsync(test, ImportFolder.Sample);

        await using (var db = test.NewContext())
        {
            var files = await CsvExporter.ExportAsync(db, exported.Path, TestContext.Current.CancellationToken);
            Assert.Equal(CsvImporter.FileNames, files.Select(f => f.File));
        }

        // Data/expected-export holds UTC timestamps with Z, ISO dates, snake_case enums, invariant numbers, defaults filled in.
        foreach (var file in CsvImporter.FileNames)
            Assert.Equal(File.ReadAllText(Path.Combine(ImportFolder.Data("expected-export"), file)), File.ReadAllText(Path.Combine(exported.Path, file)));
    }

    [Fact]
    public async Task Exporting_an_empty_database_writes_every_file_with_its_header_only()
    {
        await using var test = await TestDatabase.CreateAsync(DbProvider.Sqlite);
        using var exported = ImportFolder.Empty();
        await using (var db = test.NewContext()) await CsvExporter.ExportAsync(db, exported.Path, TestContext.Current.CancellationToken);

        foreach (var file in CsvImporter.FileNames)
        {
            var lines = File.ReadAllLines(Path.Combine(exported.Path, file));
            Assert.Equal(File.ReadLines(Path.Combine(ImportFolder.Sample, file)).First(), Assert.Single(lines));
        }
    }
}
