using Microsoft.EntityFrameworkCore;
using RevBot.Core.Alerts;
using RevBot.Core.Outbox;
using RevBot.Data.Storage;
using RevBot.Host.Cli;

namespace RevBot.IntegrationTests.Cli;

/// <summary>
/// Mistakes on the command line are refused before anything runs: an unknown command, option or word, on every
/// command, gives System.CommandLine's "did you mean", a pointer to --help, exit 2, and nothing on standard output.
/// </summary>
public sealed class CliMistakeTests(AlertsDemoDatabase demo) : IClassFixture<AlertsDemoDatabase>
{
    public static TheoryData<string[], string?> Mistakes => new()
    {
        { ["alerts", "scan", "--dryrun"], "--dry-run" },
        { ["alerts", "scan", "--as-off", "2026-03-15"], "--as-of" },
        { ["alerts", "scna"], "scan" },
        { ["ask", "what's our win rate?", "--fromat", "json"], "--format" },
        { ["ask", "--as-off", "2026-01-01", "what's our win rate?"], "--as-of" },
        { ["chat", "--ass", "ana@example.com"], "--as" },
        { ["digest", "preview", "sales", "--fitler", "region=EMEA"], "--filter" },
        { ["digest", "previw", "sales"], "preview" },
        { ["seed", "--scael", "2"], "--scale" },
        { ["import", "--dryrun", "folder"], null },
        { ["import", "folder", "--skip-invalids"], "--skip-invalid" },
        { ["export", "folder", "--dryrun"], null },
        { ["db", "migrat"], "migrate" },
        { ["db", "migrate", "--dryrun"], null },
        { ["health", "--ulr", "http://127.0.0.1:9/healthz"], "--url" },
        { ["serve", "--migrte"], "--migrate" },
        { ["--urs", "http://127.0.0.1:0"], "--urls" },
        { ["asks", "what's our win rate?"], "ask" },
        { ["sync", "hubspot", "--dryrun"], "--dry-run" },
        { ["sync", "--ful", "hubspot"], "--full" },
        { ["sycn", "hubspot"], "sync" },
        { ["forecast", "backtest", "--perods", "4"], "--periods" },
        { ["forecast", "backtset"], "backtest" },
        { ["--Slak:SigningSecret=x"], null },
        { ["serve", "--Slack:SigningSecret"], null },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public async Task A_mistake_is_refused_with_a_suggestion_before_anything_runs(string[] args, string? suggestion)
    {
        // Every data command (and serve) would create this SQLite file and its folder if it ran.
        var folder = CliRun.NewFolder();

        var (code, output, error) = await CliRun.InProcessAsync([.. args, "--db", $"sqlite:{Path.Combine(folder, "x.db")}"]);

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains("Nothing was done.", error, StringComparison.Ordinal);
        Assert.Matches(@"`revbot[\w ]*--help` lists what it accepts", error);
        if (suggestion is not null)
        {
            Assert.Contains("did you mean", error, StringComparison.OrdinalIgnoreCase);
            Assert.Matches($@"(^|\s){System.Text.RegularExpressions.Regex.Escape(suggestion)}(\?|\s|$)", error);
        }
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder), $"{folder} was created: the command ran");
    }

    [Fact]
    public async Task An_ask_session_too_long_to_store_is_refused_before_anything_runs()
    {
        var folder = CliRun.NewFolder();

        var (code, output, error) = await CliRun.InProcessAsync("ask", "what's our win rate?", "--session", new string('s', AskCommand.MaxSessionLength + 1), "--db", $"sqlite:{Path.Combine(folder, "x.db")}");

        Assert.Equal((2, ""), (code, output));
        Assert.Contains($"at most {AskCommand.MaxSessionLength} are allowed", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder), $"{folder} was created: the command ran");
    }

    [Fact]
    public async Task Alerts_scan_with_a_misspelt_dry_run_records_and_queues_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = RevBotDbFactory.Create(DbTarget.Parse(demo.Db));
        var before = (await db.Alerts.CountAsync(ct), await db.Outbox.CountAsync(ct), await db.AlertScanRuns.CountAsync(ct));

        var (code, _, error) = await CliRun.InProcessAsync("alerts", "scan", "--dryrun", "--db", demo.Db);
        // The same scan spelt right does record: the counts above could have moved.
        var (right, _, _) = await CliRun.InProcessAsync("alerts", "scan", "--dry-run", "--db", demo.Db);

        Assert.Equal((2, 0), (code, right));
        Assert.Contains("--dry-run", error, StringComparison.Ordinal);
        Assert.Equal(before, (await db.Alerts.CountAsync(ct), await db.Outbox.CountAsync(ct), await db.AlertScanRuns.CountAsync(ct)));
        var (recorded, _, _) = await CliRun.InProcessAsync("alerts", "scan", "--db", demo.Db);
        Assert.Equal(0, recorded);
        Assert.True(await db.Alerts.CountAsync(ct) > before.Item1, "a real scan records alerts, so the unchanged count above means the misspelt one did not run");
    }

    [Fact]
    public void Host_settings_pass_through_to_serve_in_ASP_NET_form()
    {
        var parse = RevBotCli.Create().Parse(["--Slack:SigningSecret=s3cret", "--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Debug", "--Company:Name=Acme=Ltd"]);

        Assert.Empty(parse.Errors);
        var settings = ServeCommand.Settings.SelectMany(o => (parse.GetValue(o) ?? []).Select(v => $"{o.Name}:{v}")).Order(StringComparer.Ordinal);
        Assert.Equal(["--Company:Name=Acme=Ltd", "--Logging:LogLevel:Default=Debug", "--Slack:SigningSecret=s3cret"], settings);
    }
}
