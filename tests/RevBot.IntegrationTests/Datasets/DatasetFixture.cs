using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RevBot.Core;
using RevBot.Core.Answers;
using RevBot.Core.Conversation;
using RevBot.Data;
using RevBot.Data.Csv;
using RevBot.Data.Csv.Mapping;
using RevBot.Data.Storage;
using RevBot.Testing;
using RevBot.Testing.Datasets;

[assembly: AssemblyFixture(typeof(RevBot.IntegrationTests.Datasets.DatasetFixture))]

namespace RevBot.IntegrationTests.Datasets;

/// <summary>
/// Each dataset imported once per database from its raw files through its shipped mapping, as
/// <c>revbot import --map docs/mappings/&lt;dataset&gt;.yaml</c> does; the dataset tests then only ask questions. The raw
/// rows are loaded once too, for the tests' own computations, and the converters' canonical folder is written once for
/// <see cref="DatasetMappingTests"/>, which proves the mapping gives the same data.
/// </summary>
public sealed class DatasetFixture : IAsyncDisposable
{
    private readonly ConcurrentDictionary<(string, DbProvider), Lazy<Task<ImportedDataset>>> _imports = new();
    private readonly ConcurrentDictionary<string, Lazy<string>> _folders = new();
    private readonly Lazy<MavenCrm> _maven = new(() => MavenCrm.Load(SharedData.Require(MavenCrm.Name)));
    private readonly Lazy<RavenStack> _raven = new(() => RavenStack.Load(SharedData.Require(RavenStack.Name)));
    private readonly string _root = TestFiles.NewFolder("datasets");

    public MavenCrm Maven => _maven.Value;

    public RavenStack Raven => _raven.Value;

    private readonly Lazy<MavenReference> _mavenReference;
    private readonly Lazy<RavenReference> _ravenReference;

    public DatasetFixture()
    {
        _mavenReference = new(() => new MavenReference(Maven));
        _ravenReference = new(() => new RavenReference(Raven));
    }

    /// <summary>The test's own calculator over the dataset's raw rows.</summary>
    public IReference Reference(string dataset) => dataset == MavenCrm.Name ? _mavenReference.Value : _ravenReference.Value;

    public RavenReference RavenReference => _ravenReference.Value;

    public Task<ImportedDataset> GetAsync(string dataset, DbProvider provider)
    {
        TestDatabase.RequireProvider(provider);
        _ = dataset == MavenCrm.Name ? (object)Maven : Raven;  // skips before anything is created when the data is absent
        return _imports.GetOrAdd((dataset, provider), k => new Lazy<Task<ImportedDataset>>(() => ImportAsync(k.Item1, k.Item2))).Value;
    }

    /// <summary>The canonical folder the test converter writes for a dataset (written once).</summary>
    public string CanonicalFolder(string dataset) => _folders.GetOrAdd(dataset, d => new Lazy<string>(() =>
    {
        var folder = Directory.CreateDirectory(Path.Combine(_root, d)).FullName;
        if (d == MavenCrm.Name) Maven.WriteCanonical(folder);
        else Raven.WriteCanonical(folder);
        return folder;
    })).Value;

    private async Task<ImportedDataset> ImportAsync(string dataset, DbProvider provider)
    {
        var (source, problems) = CsvMapping.Load(RepoPaths.File("docs", "mappings", $"{dataset}.yaml"), SharedData.Require(dataset));
        if (source is null) throw new InvalidOperationException($"{dataset} mapping refused:\n{string.Join('\n', problems)}");
        var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.NewContext())
        {
            var result = await CsvImporter.ImportAsync(db, source, new CsvImportOptions());
            if (!result.Succeeded) throw new InvalidOperationException($"{dataset} import refused:\n{string.Join('\n', result.Errors)}");
            // Cohort windows around the data's own dates, so PostgreSQL answers retention from its rollup as production would.
            if (dataset == RavenStack.Name) await Rollups.KeepCohortWindowsAsync(db, Rollups.CohortWindows(1, DatasetCases.RavenAsOf));
        }
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Company:TimeZone"] = "UTC" }).Build();
        var services = new ServiceCollection().AddLogging().AddRevBotCore(configuration).AddRevBotData(database.Target).BuildServiceProvider();
        return new ImportedDataset(database, services);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var lazy in _imports.Values)
            if (lazy.IsValueCreated && lazy.Value.IsCompletedSuccessfully) await (await lazy.Value).DisposeAsync();
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }
}

/// <summary>A dataset imported into one database, with the services that answer questions on it.</summary>
public sealed class ImportedDataset(TestDatabase database, ServiceProvider services) : IAsyncDisposable
{
    public TestDatabase Database { get; } = database;

    private readonly ConcurrentDictionary<(string, DateOnly), Lazy<Task<Answer>>> _answers = new();

    /// <summary>A one-off question (no conversation), asked once: the value and the text checks read the same answer.</summary>
    public Task<Answer> AskAsync(string question, DateOnly asOf) =>
        _answers.GetOrAdd((question, asOf), _ => new Lazy<Task<Answer>>(async () =>
        {
            await using var scope = services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<AskService>().AskAsync(new AskRequest(question, null, asOf), CancellationToken.None);
        })).Value;

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        await Database.DisposeAsync();
    }
}
