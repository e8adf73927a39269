using System.Text.RegularExpressions;
using System.Xml.Linq;
using RevBot.Host.Cli;
using RevBot.Testing;
using static RevBot.IntegrationTests.Deploy.DockerfileText;

namespace RevBot.IntegrationTests.Deploy;

/// <summary>
/// No container engine runs here, so the Dockerfile is checked by reading it: two stages (SDK build, ASP.NET runtime)
/// pinned to exact versions, a non-root user, port 8080, a health check that uses a command the binary really has, and
/// sources that exist.
/// </summary>
public sealed class DockerfileTests
{
    [Fact]
    public void Builds_with_the_sdk_and_runs_on_the_aspnet_runtime_of_the_same_version()
    {
        var from = Args("FROM");
        Assert.Equal(2, from.Count);
        Assert.Matches(@"/dotnet/sdk:10\.0\.\d+ AS build$", from[0]);
        Assert.Matches(@"/dotnet/aspnet:10\.0\.\d+ AS runtime$", from[1]);
        Assert.Contains(Args("COPY"), a => a == "--from=build /app/publish .");
        Assert.Contains(Args("RUN"), a => a.StartsWith("dotnet publish src/RevBot.Host/RevBot.Host.csproj -c Release -o /app/publish", StringComparison.Ordinal));
    }

    [Fact]
    public void Pins_the_sdk_global_json_accepts_and_a_runtime_of_the_target_framework()
    {
        var sdk = Version.Parse(Regex.Match(Args("FROM")[0], @"/dotnet/sdk:(\d+\.\d+\.\d+) ").Groups[1].Value);
        var runtime = Version.Parse(Regex.Match(Args("FROM")[1], @"/dotnet/aspnet:(\d+\.\d+\.\d+) ").Groups[1].Value);

        // global.json: "version" with rollForward latestFeature takes any later feature band of the same major.minor.
        var pinned = System.Text.Json.JsonDocument.Parse(File.ReadAllText(RepoPaths.File("global.json"))).RootElement.GetProperty("sdk");
        var wanted = Version.Parse(pinned.GetProperty("version").GetString()!);
        Assert.Equal("latestFeature", pinned.GetProperty("rollForward").GetString());
        Assert.Equal((wanted.Major, wanted.Minor), (sdk.Major, sdk.Minor));
        Assert.True(sdk >= wanted, $"SDK {sdk} is older than global.json's {wanted}");

        var framework = XDocument.Load(RepoPaths.File("Directory.Build.props")).Descendants("TargetFramework").Single().Value;
        Assert.Equal($"net{runtime.Major}.{runtime.Minor}", framework);
        Assert.Equal((sdk.Major, sdk.Minor), (runtime.Major, runtime.Minor));
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
    public void Sets_the_memory_environment_the_soak_measured_the_host_with()
    {
        var runtime = Lines.SkipWhile(l => !(l.Instruction == "FROM" && l.Arguments.EndsWith("AS runtime", StringComparison.Ordinal))).ToList();
        var env = Assert.Single(runtime, l => l.Instruction == "ENV").Arguments.Split(' ').ToHashSet();
        // What the soak and ask-load harness applies to the host it runs (the numbers in docs/benchmarks.md).
        var harness = Regex.Matches(File.ReadAllText(RepoPaths.File("tests/RevBot.Benchmarks/ImageEnvironment.cs")), @"new\(""(\w+)"", ""([^""]*)""\)")
            .Select(m => $"{m.Groups[1].Value}={m.Groups[2].Value}").ToList();
        Assert.Equal(["DOTNET_EnableWriteXorExecute=0", "MALLOC_ARENA_MAX=2"], harness);
        Assert.All(harness, v => Assert.Contains(v, env));
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
        foreach (var source in Args("COPY").SelectMany(CopySources))
            Assert.True(Path.Exists(RepoPaths.File(source.TrimEnd('/'))), $"COPY {source}: not in the repository");
    }
}
