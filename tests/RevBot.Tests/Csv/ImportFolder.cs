using RevBot.Testing;

namespace RevBot.Tests.Csv;

/// <summary>A temporary folder for one test: empty, or the sample with some files replaced from Data/&lt;overlay&gt;/. Deleted on dispose.</summary>
internal sealed class ImportFolder : IDisposable
{
    private ImportFolder(string path) => Path = path;

    public static string Sample => Data("sample");

    public string Path { get; }

    public static string Data(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Data", name);

    public static ImportFolder Empty()
    {
        var path = TestFiles.NewFolder("csv");
        Directory.CreateDirectory(path);
        return new ImportFolder(path);
    }

    /// <summary>The sample folder with the files of Data/<paramref name="overlay"/> (e.g. "bad/bad-date") in place of its own.</summary>
    public static ImportFolder SampleWith(string overlay)
    {
        var folder = Empty();
        foreach (var file in Directory.GetFiles(Sample)) File.Copy(file, System.IO.Path.Combine(folder.Path, System.IO.Path.GetFileName(file)));
        var replacements = Directory.GetFiles(Data(overlay));
        Assert.NotEmpty(replacements);
        foreach (var file in replacements) File.Copy(file, System.IO.Path.Combine(folder.Path, System.IO.Path.GetFileName(file)), overwrite: true);
        return folder;
    }

    public void Dispose()
    {
        if (Directory.Exists(Path)) Directory.Delete(Path, recursive: true);
    }
}
