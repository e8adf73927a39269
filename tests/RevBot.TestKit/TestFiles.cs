namespace RevBot.Testing;

/// <summary>
/// Where tests put their files (SQLite databases, settings folders, exports): one folder per test run under
/// <c>revbot-tests</c> in the temp folder, deleted when the run ends (<see cref="DatabaseTemplateCleanup"/>). Each host
/// test used to leave its database behind, gigabytes a day on a busy machine.
/// </summary>
public static class TestFiles
{
    private static readonly Lazy<string> RunFolder = new(() =>
        Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "revbot-tests", $"run-{Environment.ProcessId}-{Guid.NewGuid():N}")).FullName);

    /// <summary>A path for <paramref name="fileName"/> in a new folder of its own (the folder exists, the file does not).</summary>
    public static string NewPath(string fileName) => Path.Combine(Directory.CreateDirectory(NewFolder("f")).FullName, fileName);

    /// <summary>A path for a new folder named after <paramref name="prefix"/>, not created: a test may check that nothing made it.</summary>
    public static string NewFolder(string prefix) => Path.Combine(RunFolder.Value, $"{prefix}-{Guid.NewGuid():N}");

    /// <summary>
    /// A folder for what a person looks at after the run (the card screenshots), kept when the run ends, unlike the
    /// rest: <c>$REVBOT_TEST_ARTIFACTS/{name}</c>, else <c>artifacts/{name}</c> beside the test assembly. Emptied first,
    /// so it holds this run's files only.
    /// </summary>
    public static string ArtifactFolder(string name)
    {
        var root = Environment.GetEnvironmentVariable("REVBOT_TEST_ARTIFACTS") is { Length: > 0 } set ? set : Path.Combine(AppContext.BaseDirectory, "artifacts");
        var folder = Path.Combine(root, name);
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        return Directory.CreateDirectory(folder).FullName;
    }

    /// <summary>Deletes this run's folder; a file still open elsewhere keeps it, which the next clean temp folder solves.</summary>
    public static void DeleteRun()
    {
        if (!RunFolder.IsValueCreated) return;
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(RunFolder.Value, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
