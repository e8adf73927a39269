using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RevBot.Core.Domain;
using RevBot.Core.Sources;
using RevBot.Data.Storage;
using RevBot.Host.Cli;
using RevBot.Sources.Sync;
using RevBot.Testing;

namespace RevBot.IntegrationTests.Sources;

/// <summary><c>revbot sync</c> as an operator runs it: refusals in one sentence, the report, the exit codes.</summary>
public sealed class SyncCommandTests : IAsyncLifetime
{
    private readonly string _dir = TestFiles.NewFolder("cli");

    private string Path => System.IO.Path.Combine(_dir, "sync.db");

    private string Db => $"sqlite:{Path}";

    public async ValueTask InitializeAsync() => await DatabaseTemplates.CopySqliteAsync(Path);

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
        return ValueTask.CompletedTask;
    }

    [Theory]
    [InlineData("zendesk", "'zendesk' is not a system RevBot syncs; use hubspot, salesforce or stripe.")]
    [InlineData("hubspot --ful", "--full")]
    [InlineData("hubspot --full --since 2026-01-01", "'--since'")]
    [InlineData("", "'sync'")]
    public async Task A_mistake_is_refused_before_anything_runs(string args, string sentence)
    {
        var (code, output, error) = await RunAsync(null, ["sync", .. args.Split(' ', StringSplitOptions.RemoveEmptyEntries), "--db", Db]);

        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Contains(sentence, error, StringComparison.Ordinal);
        Assert.Contains("Nothing was done. `revbot sync --help` lists what it accepts.", error, StringComparison.Ordinal);
        Assert.Empty(await RunsAsync());
    }

    [Fact]
    public async Task A_system_that_is_not_enabled_is_refused_in_one_sentence()
    {
        var (code, _, error) = await RunAsync(null, "sync", "stripe", "--db", Db);

        Assert.Equal(2, code);
        Assert.Equal("revbot: the stripe sync is not enabled; set Sources:Stripe:Enabled to true and its credentials (docs/sources.md). Nothing was done.", error.Trim());
    }

    [Fact]
    public async Task A_sync_prints_what_it_read_wrote_and_skipped_and_why_and_a_dry_run_writes_nothing()
    {
        var connector = Connector(failures: 0);

        var (code, output, error) = await RunAsync(Enable(connector), "sync", "HubSpot", "--dry-run", "--db", Db);
        Assert.True(code == 0, error);
        Assert.Matches(@"^hubspot sync, run 1 \(incremental, dry run\) in \d+\.\ds: 4 read, 3 written, 0 deleted, 1 skipped\.", output);
        Assert.Contains("Dry run: nothing was written.", output, StringComparison.Ordinal);
        Assert.Empty(await DealsAsync());

        (code, output, error) = await RunAsync(Enable(connector), "sync", "hubspot", "--full", "--db", Db);
        Assert.Equal(0, code);
        Assert.Empty(error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Matches(@"^hubspot sync, run 2 \(full\) in \d+\.\ds: 4 read, 3 written, 0 deleted, 1 skipped\.$", lines[0]);
        Assert.Equal(
            ["companies: 1 read, 1 written, 0 deleted, 0 skipped", "deals: 3 read, 2 written, 0 deleted, 1 skipped", "Skipped:", "deals D3: amount: '12k' is not a number"],
            lines[1..]);
        Assert.Equal(["hubspot:D1", "hubspot:D4"], await DealsAsync());
    }

    [Fact]
    public async Task A_failed_sync_says_why_and_exits_1_and_a_sync_already_running_exits_3()
    {
        var (code, output, error) = await RunAsync(Enable(Connector(failures: 1)), "sync", "hubspot", "--db", Db);
        Assert.Equal(1, code);
        Assert.StartsWith("hubspot sync, run 1 (incremental)", output, StringComparison.Ordinal);
        Assert.Equal("revbot: the hubspot sync failed: deals answered 503 Service Unavailable. The batches before the failure are kept; the next sync resumes after them.", error.Trim());

        var held = Connector(failures: 0);
        held.Hold();
        var running = RunAsync(Enable(held), "sync", "hubspot", "--db", Db);
        await held.Started.WaitAsync(Wait.Patience, TestContext.Current.CancellationToken);
        (code, output, error) = await RunAsync(Enable(Connector(failures: 0)), "sync", "hubspot", "--db", Db);
        held.Release();

        Assert.Equal(SyncCommand.Busy, code);
        Assert.Empty(output);
        Assert.Equal("revbot: another hubspot sync is running (here or on another instance); nothing was done. Try again when it has finished.", error.Trim());
        Assert.Equal(0, (await running).Code);
    }

    private static ScriptedConnector Connector(int failures) => new(SourceSystem.Hubspot,
        new ScriptedStep("companies", "1", ScriptedRows.Companies),
        new ScriptedStep("deals", "0001", () => ScriptedRows.Deals(("D1", "100"))) { Failures = failures },
        new ScriptedStep("deals", "0002", () => ScriptedRows.Deals(("D3", "12k"), ("D4", "400"))));

    private static Action<IServiceCollection> Enable(ScriptedConnector connector) => s =>
    {
        s.Configure<SyncOptions>(o => o.Hubspot.Enabled = true);
        s.AddSingleton<ISourceConnector>(connector);
    };

    private async Task<List<string>> DealsAsync()
    {
        await using var db = RevBotDbFactory.Create(DbTarget.Sqlite(Path));
        return await db.Deals.Where(d => d.Id.StartsWith("hubspot:")).OrderBy(d => d.Id).Select(d => d.Id).ToListAsync(TestContext.Current.CancellationToken);
    }

    private async Task<List<long>> RunsAsync()
    {
        await using var db = RevBotDbFactory.Create(DbTarget.Sqlite(Path));
        return await db.SyncRuns.Select(r => r.Id).ToListAsync(TestContext.Current.CancellationToken);
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(Action<IServiceCollection>? overrides, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await RevBotCli.RunAsync(args, new InvocationConfiguration { Output = output, Error = error }, overrides, TestContext.Current.CancellationToken);
        return (code, output.ToString(), error.ToString());
    }
}
