using RevBot.Host.Cli;
using RevBot.Testing;

namespace RevBot.IntegrationTests.Deploy;

/// <summary>
/// No container engine runs here, so the Dockerfile is checked by reading it: two stages (SDK build, ASP.NET runtime),
/// a non-root user, port 8080, a health check that uses a command the binary really has, and sources that exist.
/// </summary>
public sealed class DockerfileTests
{
    private static readonly IReadOnlyList<(string Instruction, string Arguments)> Lines = Parse(File.ReadAllText(RepoPaths.File("Dockerfile")));

    [Fact]
    public void Builds_with_the_sdk_and_runs_on_the_aspnet_runtime_of_the_same_version()
    {
        var from = Args("FROM");
        Assert.Equal(2, from.Count);
        Assert.Matches(@"/dotnet/sdk:10\.0 AS build$", from[0]);
        Assert.Matches(@"/dotnet/aspnet:10\.0 AS runtime$", from[1]);
        Assert.Contains(Args("COPY"), a => a == "--from=build /app/publish .");
        Assert.Contains(Args("RUN"), a => a.StartsWith("dotnet publish src/RevBot.Host/RevBot.Host.csproj -c Release -o /app/publish", StringComparison.Ordinal));
    }

    [Fact]
    public void Runs_as_a_non_root_user_on_port_8080()
    {
        var runtime = Lines.SkipWhile(l => !(l.Instruction == "FROM" && l.Arguments.EndsWith("AS runtime", StringComparison.Ordinal))).ToList();
        var user = Assert.Single(runtime, l => l.Instruction == "USER").Arguments;
        Assert.DoesNotContain(user, new[] { "root", "0", "0:0" });
        Assert.Equal("8080", Assert.Single(runtime, l => l.Instruction == "EXPOSE").Arguments);
        Assert.Contains("ASPNETCORE_URLS=http://+:8080", Assert.Single(runtime, l => l.Instruction == "ENV").Arguments, StringComparison.Ordinal);
        // Nothing after USER switches back to root.
        Assert.DoesNotContain(runtime.SkipWhile(l => l.Instruction != "USER"), l => l.Instruction == "RUN");
    }

    [Fact]
    public void Health_check_and_entrypoint_use_the_published_binary_and_its_real_commands()
    {
        var health = Assert.Single(Args("HEALTHCHECK"));
        Assert.Contains("CMD [\"dotnet\", \"/app/revbot.dll\", \"health\", \"--url\", \"http://127.0.0.1:8080/healthz\"]", health, StringComparison.Ordinal);
        Assert.Equal("[\"dotnet\", \"/app/revbot.dll\"]", Assert.Single(Args("ENTRYPOINT")));
        Assert.Equal("[\"serve\"]", Assert.Single(Args("CMD")));

        var commands = RevBotCli.Create().Subcommands.Select(c => c.Name).ToList();
        Assert.Contains("health", commands);
        Assert.Contains("serve", commands);
        Assert.Equal("revbot", typeof(RevBotCli).Assembly.GetName().Name);
    }

    [Fact]
    public void Every_copied_source_exists_in_the_repository()
    {
        foreach (var copy in Args("COPY").Where(a => !a.StartsWith("--from", StringComparison.Ordinal)))
        {
            var sources = copy.Split(' ', StringSplitOptions.RemoveEmptyEntries)[..^1];
            foreach (var source in sources)
                Assert.True(Path.Exists(RepoPaths.File(source.TrimEnd('/'))), $"COPY {source}: not in the repository");
        }
    }

    private static List<string> Args(string instruction) => Lines.Where(l => l.Instruction == instruction).Select(l => l.Arguments).ToList();

    /// <summary>Joins continued lines, drops comments and blank lines, splits each into instruction and arguments.</summary>
    private static List<(string, string)> Parse(string text)
    {
        var joined = text.Replace("\\\r\n", " ", StringComparison.Ordinal).Replace("\\\n", " ", StringComparison.Ordinal);
        return joined.Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split(' ', 2))
            .Select(p => (p[0].ToUpperInvariant(), string.Join(' ', p.Length > 1 ? p[1].Split(' ', StringSplitOptions.RemoveEmptyEntries) : [])))
            .ToList();
    }
}
