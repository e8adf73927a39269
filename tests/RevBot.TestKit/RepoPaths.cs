namespace RevBot.Testing;

/// <summary>Files of the repository itself (Dockerfile, manifests, docs), found from the test binaries upward.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string File(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !System.IO.File.Exists(Path.Combine(dir.FullName, "RevBot.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("RevBot.sln not found above " + AppContext.BaseDirectory);
    }
}
