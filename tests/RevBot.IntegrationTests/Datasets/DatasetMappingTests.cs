using RevBot.Data.Csv;
using RevBot.Data.Storage;
using RevBot.Testing;
using RevBot.Testing.Datasets;

namespace RevBot.IntegrationTests.Datasets;

/// <summary>
/// The shipped mappings (docs/mappings/maven-crm.yaml and ravenstack-saas.yaml), through which <see cref="DatasetFixture"/>
/// imports the raw datasets, give exactly the data the test converters (docs/datasets.md) write as canonical files:
/// every canonical row of both databases, exported, is equal.
/// </summary>
public sealed class DatasetMappingTests(DatasetFixture data)
{
    public static TheoryData<string, DbProvider> Cases() => new()
    {
        { MavenCrm.Name, DbProvider.Sqlite }, { MavenCrm.Name, DbProvider.Postgres },
        { RavenStack.Name, DbProvider.Sqlite }, { RavenStack.Name, DbProvider.Postgres },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task The_raw_dataset_through_its_mapping_equals_the_converted_one(string dataset, DbProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        var mapped = await data.GetAsync(dataset, provider);
        await using var converted = await TestDatabase.CreateAsync(provider);
        await using (var db = converted.NewContext())
        {
            var result = await CsvImporter.ImportAsync(db, data.CanonicalFolder(dataset), ct: ct);
            Assert.True(result.Succeeded, string.Join('\n', result.Errors.Take(20)));
        }

        var expected = await ExportAsync(converted, ct);
        var actual = await ExportAsync(mapped.Database, ct);

        foreach (var file in CsvImporter.FileNames)
        {
            var (want, got) = (File.ReadAllLines(Path.Combine(expected, file)), File.ReadAllLines(Path.Combine(actual, file)));
            Assert.True(want.Length == got.Length, $"{file}: {got.Length} lines through the mapping, {want.Length} converted");
            var differ = Enumerable.Range(0, want.Length).FirstOrDefault(i => want[i] != got[i], -1);
            Assert.True(differ < 0, differ < 0 ? "" : $"{file}:{differ + 1}: converted '{want[differ]}', mapped '{got[differ]}'");
        }
        Assert.True(File.ReadAllLines(Path.Combine(expected, dataset == MavenCrm.Name ? "deals.csv" : "subscriptions.csv")).Length > 1000);
    }

    private static async Task<string> ExportAsync(TestDatabase database, CancellationToken ct)
    {
        var folder = TestFiles.NewFolder("dataset-export");
        await using var db = database.NewContext();
        await CsvExporter.ExportAsync(db, folder, ct);
        return folder;
    }
}
