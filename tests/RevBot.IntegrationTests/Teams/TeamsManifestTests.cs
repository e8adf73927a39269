using System.Diagnostics;
using System.IO.Compression;

namespace RevBot.IntegrationTests.Teams;

/// <summary>The app package: package.sh fills in the bot id and zips the manifest with icons Teams accepts.</summary>
public sealed class TeamsManifestTests
{
    private const string BotId = "11111111-2222-3333-4444-555555555555";

    [Fact]
    public async Task The_packaged_manifest_validates_against_the_teams_schema_its_schema_names()
    {
        NodeConformance.RequireTools();
        var dir = Directory.CreateTempSubdirectory("revbot-teams-package-");
        try
        {
            var zip = await PackageAsync(Path.Combine(dir.FullName, "revbot.zip"));
            var manifest = Path.Combine(dir.FullName, "manifest.json");
            using (var archive = ZipFile.OpenRead(zip)) archive.GetEntry("manifest.json")!.ExtractToFile(manifest);

            var (exitCode, output) = await NodeConformance.RunAsync("teams/manifest.mjs", manifest);

            Assert.True(exitCode == 0, $"The Teams manifest schema reported:\n{output}");
            Assert.Contains(BotId, await File.ReadAllTextAsync(manifest, TestContext.Current.CancellationToken), StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task The_package_holds_the_manifest_and_icons_of_the_sizes_teams_requires()
    {
        var dir = Directory.CreateTempSubdirectory("revbot-teams-package-");
        try
        {
            var zip = await PackageAsync(Path.Combine(dir.FullName, "revbot.zip"));
            using var archive = ZipFile.OpenRead(zip);
            Assert.Equal(["color.png", "manifest.json", "outline.png"], archive.Entries.Select(e => e.FullName).Order());

            var color = Png.Read(archive.GetEntry("color.png")!);
            var outline = Png.Read(archive.GetEntry("outline.png")!);
            Assert.Equal((192, 192), (color.Width, color.Height));
            Assert.Equal((32, 32), (outline.Width, outline.Height));
            // The outline icon must be white on transparent: every visible pixel white, and some fully transparent.
            Assert.All(outline.Pixels.Where(p => p.A > 0), p => Assert.Equal((255, 255, 255), (p.R, p.G, p.B)));
            Assert.Contains(outline.Pixels, p => p.A == 0);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Packaging_refuses_a_bot_id_that_is_not_a_guid()
    {
        var (exitCode, output) = await RunPackageAsync("not-a-guid", Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.zip"));
        Assert.Equal(2, exitCode);
        Assert.Contains("Microsoft App ID", output, StringComparison.Ordinal);
    }

    private static async Task<string> PackageAsync(string output)
    {
        var (exitCode, log) = await RunPackageAsync(BotId, output);
        Assert.True(exitCode == 0, log);
        return output;
    }

    private static async Task<(int ExitCode, string Output)> RunPackageAsync(string botId, string output)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(NodeConformance.RepoRoot, "manifests", "teams", "package.sh"));
        start.ArgumentList.Add(botId);
        start.ArgumentList.Add(output);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await stdout + await stderr);
    }
}
