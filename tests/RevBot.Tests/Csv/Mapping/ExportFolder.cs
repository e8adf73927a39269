using RevBot.Data.Csv;
using RevBot.Data.Csv.Mapping;
using RevBot.Testing;

namespace RevBot.Tests.Csv.Mapping;

/// <summary>A small export written by a test (files in their own shape) with its mapping beside it; deleted on dispose.</summary>
internal sealed class ExportFolder : IDisposable
{
    private readonly string _root = Directory.CreateDirectory(TestFiles.NewFolder("export")).FullName;

    public ExportFolder(string mapping, params (string Name, string Text)[] files)
    {
        Directory.CreateDirectory(Folder);
        File.WriteAllText(MappingPath, mapping);
        foreach (var (name, text) in files) File.WriteAllText(Path.Combine(Folder, name), text);
    }

    public string Folder => Path.Combine(_root, "export");

    public string MappingPath => Path.Combine(_root, "m.yaml");

    /// <summary>The mapping's problems as printed (<c>m.yaml:line: path: what</c>).</summary>
    public string[] Problems() => [.. CsvMapping.Load(MappingPath, Folder).Problems.Select(p => p.ToString())];

    public CsvSource Source()
    {
        var (source, problems) = CsvMapping.Load(MappingPath, Folder);
        Assert.True(source is not null, string.Join(Environment.NewLine, problems));
        return source;
    }

    public async Task<CsvImportResult> ImportAsync(TestDatabase test, bool skipInvalid = false)
    {
        await using var db = test.NewContext();
        return await CsvImporter.ImportAsync(db, Source(), new CsvImportOptions { SkipInvalid = skipInvalid }, TestContext.Current.CancellationToken);
    }

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }
}
