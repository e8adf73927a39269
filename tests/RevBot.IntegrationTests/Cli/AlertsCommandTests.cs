using System.CommandLine;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RevBot.Data.Storage;
using RevBot.Host.Cli;
using RevBot.Testing;

namespace RevBot.IntegrationTests.Cli;

/// <summary>A small demo company in an SQLite file, seeded once for the <c>revbot alerts scan</c> tests.</summary>
public sealed class AlertsDemoDatabase : IAsyncLifetime
{
    public string Folder { get; } = TestFiles.NewFolder("alerts");

    public string Db => $"sqlite:{Path.Combine(Folder, "demo.db")}";

    public async ValueTask InitializeAsync()
    {
        var code = await RevBotCli.Create().Parse(["seed", "--db", Db, "--scale", "0.05", "--as-of", "2026-03-15"])
            .InvokeAsync(new InvocationConfiguration { Output = TextWriter.Null, Error = TextWriter.Null }, TestContext.Current.CancellationToken);
        Assert.Equal(0, code);
    }

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(Folder)) Directory.Delete(Folder, recursive: true);
        return ValueTask.CompletedTask;
    }
}

/// <summary><c>revbot alerts scan</c> on the demo company, as a person or a script runs it.</summary>
public sealed class AlertsCommandTests(AlertsDemoDatabase demo) : IClassFixture<AlertsDemoDatabase>
{
    private async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await RevBotCli.Create().Parse([.. args, "--db", demo.Db])
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, TestContext.Current.CancellationToken);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Json_lists_stalled_deals_then_accounts_at_risk_with_reasons_and_recipients()
    {
        var (code, output, error) = await RunAsync("alerts", "scan", "--as-of", "2026-03-15", "--dry-run", "--format", "json");

        Assert.Equal((0, ""), (code, error));
        using var json = JsonDocument.Parse(output);
        Assert.Equal(["alerts"], json.RootElement.EnumerateObject().Select(p => p.Name));
        var alerts = json.RootElement.GetProperty("alerts").EnumerateArray().ToList();
        await using var db = RevBotDbFactory.Create(DbTarget.Parse(demo.Db));
        var users = (await db.Users.Select(u => u.Email).ToListAsync(TestContext.Current.CancellationToken)).ToHashSet();
        foreach (var alert in alerts)
        {
            Assert.Equal(["kind", "subjectId", "subjectName", "score", "reasons", "recipients"], alert.EnumerateObject().Select(p => p.Name));
            Assert.NotEmpty(alert.GetProperty("subjectName").GetString()!);
            Assert.NotEmpty(alert.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
            Assert.All(alert.GetProperty("recipients").EnumerateArray(), r => Assert.Contains(r.GetString()!, users));
            var score = alert.GetProperty("score");
            if (alert.GetProperty("kind").GetString() == "stalled_deal") Assert.Equal(JsonValueKind.Null, score.ValueKind);
            else Assert.InRange(score.GetInt32(), 40, 100);
        }
        var kinds = alerts.Select(a => a.GetProperty("kind").GetString()).ToList();
        // Stalled deals, then accounts at risk, then accounts ready to expand (the demo plants some: #22).
        string[] order = ["stalled_deal", "churn_risk", "expansion"];
        Assert.Equal(order, kinds.Distinct());
        Assert.Equal(kinds.OrderBy(k => Array.IndexOf(order, k)), kinds);
        var reasons = alerts.SelectMany(a => a.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()!)).ToList();
        // The demo company has every situation: the seeder forces each one onto one of its first accounts.
        foreach (var words in new[] { "the norm is", "no activity for", "passed", "close date pushed", "amount cut", "usage down", "urgent ticket", "renews in", "usage up", "seats paid for" })
            Assert.Contains(reasons, r => r.Contains(words, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Text_says_what_it_found_and_that_nothing_was_sent()
    {
        var (code, output, _) = await RunAsync("alerts", "scan", "--as-of", "2026-03-15", "--dry-run");

        Assert.Equal(0, code);
        Assert.Contains("stalled_deal  ", output, StringComparison.Ordinal);
        Assert.Matches(@"\d+ stalled deals?, \d+ accounts? at risk as of 2026-03-15\. Dry run: nothing was stored or sent\.\s*$", output);
    }

    [Fact]
    public async Task Without_dry_run_the_scan_records_and_queues_and_a_second_scan_finds_nothing_new()
    {
        var (code, output, _) = await RunAsync("alerts", "scan", "--format", "json");
        var (again, second, _) = await RunAsync("alerts", "scan", "--format", "json");

        Assert.Equal((0, 0), (code, again));
        using var first = JsonDocument.Parse(output);
        Assert.True(first.RootElement.GetProperty("newAlerts").GetInt32() > 0, output);
        Assert.True(first.RootElement.GetProperty("messages").GetInt32() > 0, output);
        using var next = JsonDocument.Parse(second);
        Assert.Equal((0, 0), (next.RootElement.GetProperty("newAlerts").GetInt32(), next.RootElement.GetProperty("messages").GetInt32()));
    }

    [Fact]
    public async Task A_bad_date_exits_2()
    {
        var (code, _, _) = await RunAsync("alerts", "scan", "--as-of", "15/03/2026");

        Assert.Equal(2, code);
    }
}
