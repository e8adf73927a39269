using System.Xml.Linq;
using RevBot.Testing;
using static RevBot.IntegrationTests.Deploy.DockerfileText;

namespace RevBot.IntegrationTests.Deploy;

/// <summary>
/// What the image build reads: a .dockerignore that keeps host output, git and local databases out of the build context
/// but every source in, and a restore layer made of the project files alone, before the sources are copied, so code
/// changes reuse the restored packages.
/// </summary>
public sealed class DockerContextTests
{
    private static readonly DockerIgnore Ignore = DockerIgnore.Parse(File.ReadAllText(RepoPaths.File(".dockerignore")));

    [Theory]
    [InlineData(".git")]
    [InlineData(".git/HEAD")]
    [InlineData("src/RevBot.Core/bin/Debug/net10.0/RevBot.Core.dll")]
    [InlineData("src/RevBot.Host/obj/project.assets.json")]
    [InlineData("tests/conformance/node_modules/@slack/types/package.json")]
    [InlineData("node_modules/x/index.js")]
    [InlineData("revbot.db")]
    [InlineData("src/RevBot.Host/revbot.db-wal")]
    [InlineData("tests/RevBot.Tests/TestResults/run.trx")]
    public void Leaves_host_output_git_and_local_databases_out_of_the_build_context(string path) =>
        Assert.True(Ignore.Excludes(path), $"{path} would be sent to the image build");

    [Fact]
    public void Sends_every_source_and_every_copied_file()
    {
        var src = RepoPaths.File("src");
        var sources = Directory.EnumerateFiles(src, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(RepoPaths.Root, f).Replace('\\', '/'))
            .Where(f => !f.Split('/').Any(part => part is "bin" or "obj"))
            .ToList();
        Assert.Contains("src/RevBot.Host/RevBot.Host.csproj", sources);
        Assert.All(sources, f => Assert.False(Ignore.Excludes(f), $"{f} is left out of the build context"));
        Assert.All(Args("COPY").SelectMany(CopySources), s => Assert.False(Ignore.Excludes(s.TrimEnd('/')), $"COPY {s}: left out by .dockerignore"));
    }

    [Fact]
    public void Restores_every_referenced_project_before_copying_the_sources()
    {
        var build = Lines.TakeWhile(l => !(l.Instruction == "FROM" && l.Arguments.EndsWith("AS runtime", StringComparison.Ordinal))).ToList();
        var restore = build.FindIndex(l => l.Instruction == "RUN" && l.Arguments == "dotnet restore src/RevBot.Host/RevBot.Host.csproj");
        Assert.True(restore > 0, "no `RUN dotnet restore src/RevBot.Host/RevBot.Host.csproj` in the build stage");

        // Before the restore only project and package files are copied, each to its own path, so the layer survives code changes.
        var copies = build.Take(restore).Where(l => l.Instruction == "COPY").ToList();
        var copied = new List<string>();
        foreach (var (_, arguments) in copies)
        {
            var words = arguments.Split(' ');
            var target = words[^1].TrimEnd('/');
            foreach (var source in words[..^1])
            {
                var name = Path.GetFileName(source);
                Assert.True(name.EndsWith(".csproj", StringComparison.Ordinal) || name.EndsWith(".props", StringComparison.Ordinal)
                    || name is "global.json" || name.Equals("NuGet.config", StringComparison.OrdinalIgnoreCase), $"COPY {source} before the restore");
                Assert.Equal(source, target is "." ? name : $"{target}/{name}");
                copied.Add(source);
            }
        }

        var needed = ProjectsReferencedBy("src/RevBot.Host/RevBot.Host.csproj")
            .Concat(["global.json", "Directory.Build.props", "Directory.Packages.props"])
            .Concat(new[] { "Directory.Build.targets", "NuGet.config", "nuget.config", "NuGet.Config" }.Where(f => File.Exists(RepoPaths.File(f))));
        Assert.Equal(needed.Order(StringComparer.Ordinal), copied.Order(StringComparer.Ordinal));

        // The sources come after the restore, and the publish must not restore again (a missing project fails the build).
        Assert.Contains(build.Skip(restore), l => l is ("COPY", "src/ src/"));
        var publish = Assert.Single(build, l => l.Instruction == "RUN" && l.Arguments.StartsWith("dotnet publish", StringComparison.Ordinal));
        Assert.True(build.IndexOf(publish) > restore);
        Assert.EndsWith(" --no-restore", publish.Arguments, StringComparison.Ordinal);
    }

    /// <summary>The project and every project it references, transitively, as '/'-separated repository paths.</summary>
    private static SortedSet<string> ProjectsReferencedBy(string project)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([project]);
        while (pending.TryPop(out var path))
        {
            if (!found.Add(path)) continue;
            var folder = Path.GetDirectoryName(RepoPaths.File(path))!;
            foreach (var reference in XDocument.Load(RepoPaths.File(path)).Descendants("ProjectReference"))
            {
                var full = Path.GetFullPath(Path.Combine(folder, reference.Attribute("Include")!.Value.Replace('\\', '/')));
                pending.Push(Path.GetRelativePath(RepoPaths.Root, full).Replace('\\', '/'));
            }
        }
        return found;
    }
}
