using System.Diagnostics;
using System.Net;
using System.Text.Json;

namespace RevBot.IntegrationTests.Cli;

/// <summary>
/// The built binary, started from a folder that is not its own: it reads appsettings.json next to itself (JSON logs),
/// never the current folder's; and <c>revbot health</c> asks the address the host is configured to listen on.
/// </summary>
public sealed class HealthAndSettingsFolderTests
{
    /// <summary>A working folder whose appsettings.json would stop any command that read it (an unknown time zone) and would log plain text.</summary>
    private static string ForeignFolder()
    {
        var folder = CliRun.NewFolder();
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "appsettings.json"),
            """{ "Company": { "TimeZone": "Mars/Olympus" }, "Logging": { "Console": { "FormatterName": "simple" } } }""");
        return folder;
    }

    [Fact]
    public async Task Serve_from_another_folder_reads_the_settings_next_to_the_binary_and_health_finds_it_by_its_configured_address()
    {
        var ct = TestContext.Current.CancellationToken;
        var cwd = ForeignFolder();
        var port = CliRun.ClosedPort();
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } h && File.Exists(h) ? h : "dotnet")
        {
            WorkingDirectory = cwd,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "revbot.dll"), "serve", "--db", $"sqlite:{Path.Combine(cwd, "host.db")}" }) start.ArgumentList.Add(arg);
        foreach (var inherited in new[] { "REVBOT_DB", "DOTNET_URLS", "Database__Target", "OTEL_EXPORTER_OTLP_ENDPOINT" }) start.Environment.Remove(inherited);
        // Where it listens comes from ASPNETCORE_URLS, as in the container image; health below reads the same variable.
        start.Environment["ASPNETCORE_URLS"] = $"http://+:{port}";
        start.Environment["Database__SeedDemoData"] = "false";
        var lines = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var host = new Process { StartInfo = start };
        host.OutputDataReceived += (_, e) => { if (e.Data is { } l) lines.Enqueue(l); };
        host.ErrorDataReceived += (_, e) => { if (e.Data is { } l) lines.Enqueue(l); };
        Assert.True(host.Start());
        host.BeginOutputReadLine();
        host.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            var until = DateTime.UtcNow.AddSeconds(90);
            while (true)
            {
                Assert.False(host.HasExited, "the host exited:\n" + string.Join('\n', lines));
                try
                {
                    if ((await http.GetAsync(new Uri($"http://127.0.0.1:{port}/healthz"), ct)).StatusCode == HttpStatusCode.OK) break;
                }
                catch (HttpRequestException) when (DateTime.UtcNow < until)
                {
                    // Not listening yet.
                }
                await Task.Delay(100, ct);
            }

            var (code, output, error) = await CliRun.ProcessAsync(ForeignFolder(), new Dictionary<string, string> { ["ASPNETCORE_URLS"] = $"http://+:{port}" }, "health");

            Assert.Equal((0, ""), (code, error));
            Assert.Contains($"http://127.0.0.1:{port}/healthz", output, StringComparison.Ordinal);
            var logged = lines.Where(l => l.Length > 0).ToList();
            Assert.NotEmpty(logged);
            // appsettings.json next to the binary asks for JSON lines; the foreign folder's would have given plain text.
            Assert.All(logged, l => Assert.Equal(JsonValueKind.Object, JsonDocument.Parse(l).RootElement.ValueKind));
        }
        finally
        {
            if (!host.HasExited) host.Kill(entireProcessTree: true);
            await host.WaitForExitAsync(ct);
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(cwd, recursive: true);
        }
    }

    [Fact]
    public async Task A_command_from_another_folder_ignores_that_folders_appsettings()
    {
        var cwd = ForeignFolder();

        var (code, output, error) = await CliRun.ProcessAsync(cwd, new Dictionary<string, string>(), "db", "migrate", "--db", $"sqlite:{Path.Combine(cwd, "m.db")}");

        // The foreign folder's bad time zone would have stopped it with a sentence; stderr carries only the migrations' progress.
        Assert.Equal(0, code);
        Assert.DoesNotContain("revbot:", error, StringComparison.Ordinal);
        Assert.Contains("Applying migration", error, StringComparison.Ordinal);
        Assert.Contains("is up to date", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_without_url_tries_the_hosts_default_address_and_says_so()
    {
        var (code, output, error) = await CliRun.ProcessAsync(ForeignFolder(), new Dictionary<string, string>(), "health");

        // Nothing should listen on the host's default port here; if something does, it answered there.
        Assert.Contains("http://127.0.0.1:5080/healthz", code == 0 ? output : error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_says_what_it_tried_when_nothing_answers()
    {
        var port = CliRun.ClosedPort();

        var (code, output, error) = await CliRun.InProcessAsync("health", "--url", $"http://127.0.0.1:{port}/healthz");

        Assert.Equal((1, ""), (code, output));
        Assert.StartsWith($"revbot: nothing answered at http://127.0.0.1:{port}/healthz (", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }
}
