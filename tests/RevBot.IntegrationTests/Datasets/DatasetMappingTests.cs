using RevBot.Data.Csv;
using RevBot.Data.Csv.Mapping;
using RevBot.Data.Storage;
using RevBot.Testing;
using RevBot.Testing.Datasets;

namespace RevBot.IntegrationTests.Datasets;

/// <summary>
/// The shipped mappings (docs/mappings/maven-crm.yaml and ravenstack-saas.yaml) read the raw datasets into exactly the
/// data the test converters (docs/datasets.md) produce: every canonical row of both databases, exported, is equal.
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
        var converted = await data.GetAsync(dataset, provider);
        await using var mapped = await TestDatabase.CreateAsync(provider);
        var (source, problems) = CsvMapping.Load(RepoPaths.File("docs", "mappings", $"{dataset}.yaml"), SharedData.Require(dataset));
        Assert.True(source is not null, string.Join('\n', problems));
        await using (var db = mapped.NewContext())
        {
            var result = await CsvImporter.ImportAsync(db, source, new CsvImportOptions(), ct);
            Assert.True(result.Succeeded, string.Join('\n', result.Errors.Take(20)));
        }

        var expected = await ExportAsync(converted.Database, ct);
        var actual = await ExportAsync(mapped, ct);

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
