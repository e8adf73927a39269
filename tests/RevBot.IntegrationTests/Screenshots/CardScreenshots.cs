using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using RevBot.IntegrationTests.Hosting;
using RevBot.Testing;

namespace RevBot.IntegrationTests.Screenshots;

/// <summary>
/// Builds every card kind from the real host on a seeded demo company and draws them all in one Chromium launch, once
/// for the test class. The PNGs and report.json stay in <see cref="Folder"/> after the run.
/// </summary>
public sealed class CardScreenshots : IAsyncLifetime
{
    private WebApplication? _app;

    public string Folder { get; } = TestFiles.ArtifactFolder("card-screenshots");

    internal IReadOnlyList<ScreenshotCard> Cards { get; private set; } = [];

    internal IReadOnlyList<ScreenshotResult> Results { get; private set; } = [];

    /// <summary>The script's own output (the summary line and each card with a problem).</summary>
    public string Output { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        if (ScreenshotTools.Missing() is not null) return;
        var ct = TestContext.Current.CancellationToken;
        _app = await HostDatabaseTemplates.StartAsync(TestFiles.NewPath("screenshots.db"), ["--urls=http://127.0.0.1:0", "--Database:DemoScale=0.05"], ct: ct);
        var inputs = Directory.CreateDirectory(TestFiles.NewFolder("screenshot-inputs")).FullName;
        Cards = await CardScreenshotCases.BuildAsync(_app.Services, inputs, ct);
        var batch = Path.Combine(inputs, "batch.json");
        await File.WriteAllTextAsync(batch, new JsonArray([.. Cards.Select(c => (JsonNode)c.ToBatchEntry())]).ToJsonString(), ct);
        var (exitCode, output) = await ScreenshotTools.RenderAsync(batch, Folder, ct);
        Output = output;
        if (exitCode != 0) throw new InvalidOperationException($"render.mjs failed ({exitCode}):\n{output}");
        Results = ScreenshotResult.Read(Folder);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is null) return;
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
