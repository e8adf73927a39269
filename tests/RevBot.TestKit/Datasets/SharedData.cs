namespace RevBot.Testing.Datasets;

/// <summary>
/// The public sample datasets in <c>../shared/data</c> beside the repository (CI clones next to it). A git worktree
/// sits one folder deeper, so the folders above the repository are searched too.
/// </summary>
public static class SharedData
{
    public static string? Folder { get; } = Find();

    /// <summary>The dataset's raw folder, or a skip (a failure in CI, which always has the shared folder).</summary>
    public static string Require(string dataset)
    {
        var path = Folder is null ? null : Path.Combine(Folder, dataset);
        if (path is not null && Directory.Exists(path)) return path;
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"CI must run the dataset tests, but ../shared/data/{dataset} is not beside the repository.");
        Assert.Skip($"The dataset ../shared/data/{dataset} is not beside the repository.");
        return "";
    }

    private static string? Find()
    {
        for (var dir = new DirectoryInfo(RepoPaths.Root).Parent; dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data");
            if (Directory.Exists(candidate)) return candidate;
        }
        return null;
    }
}
