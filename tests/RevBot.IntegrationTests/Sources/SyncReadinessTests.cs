using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RevBot.Core.Domain;
using RevBot.Core.Sources;
using RevBot.Core.Storage;
using RevBot.IntegrationTests.Hosting;
using RevBot.IntegrationTests.Teams;
using RevBot.Sources.Sync;
using RevBot.Testing;

namespace RevBot.IntegrationTests.Sources;

/// <summary>
/// /readyz through the real host reports each enabled system's last successful sync and turns not ready when it is too
/// old; the meter exports the same age and the sync's counts.
/// </summary>
public sealed class SyncReadinessTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_host_syncs_an_enabled_system_at_start_and_is_not_ready_once_its_last_success_is_older_than_MaxSyncAge()
    {
        var connector = new ScriptedConnector(SourceSystem.Hubspot, new ScriptedStep("companies", "1", ScriptedRows.Companies));
        await using var app = await HostDatabaseTemplates.StartAsync(TestFiles.NewPath("ready.db"),
            ["--urls=http://127.0.0.1:0", "--Database:SeedDemoData=false", "--Sources:Hubspot:Enabled=true", "--Sources:Hubspot:AccessToken=test-token", "--Sources:Hubspot:Interval=01:00:00", "--Sources:Hubspot:MaxSyncAge=02:00:00"],
            s => s.AddSingleton<ISourceConnector>(connector), Ct);
        using var http = BareHost.Client(app);
        // The background sync runs the never-synced system at once.
        Assert.True(await Wait.UntilAsync(async () =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<RevBotDb>().SyncRuns.AnyAsync(r => r.FinishedAt != null && r.Error == null, Ct);
        }), "the background sync did not run");

        var (status, source) = await ReadyAsync(http);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("hubspot", source.GetProperty("system").GetString());
        Assert.InRange(source.GetProperty("ageSeconds").GetInt32(), 0, 600);
        Assert.Equal(7200, source.GetProperty("maxAgeSeconds").GetInt32());
        Assert.False(source.GetProperty("stale").GetBoolean());

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var old = DateTime.UtcNow.AddHours(-3);
            await scope.ServiceProvider.GetRequiredService<RevBotDb>().SyncRuns
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.StartedAt, old).SetProperty(r => r.FinishedAt, old), Ct);
        }
        (status, source) = await ReadyAsync(http);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.True(source.GetProperty("stale").GetBoolean());
        Assert.InRange(source.GetProperty("ageSeconds").GetInt32(), 3 * 3600, 4 * 3600);
    }

    [Fact]
    public async Task With_an_otlp_endpoint_the_sync_age_and_counts_are_exported_per_system()
    {
        var received = new ConcurrentQueue<byte[]>();
        await using var collector = await LocalServer.StartAsync(app => app.MapPost("/{**signal}", async (HttpContext http) =>
        {
            using var buffer = new MemoryStream();
            await http.Request.Body.CopyToAsync(buffer);
            if (http.Request.Path == "/v1/metrics") received.Enqueue(buffer.ToArray());
            return Results.Ok();
        }));
        var connector = new ScriptedConnector(SourceSystem.Stripe, new ScriptedStep("companies", "1", ScriptedRows.Companies));
        await using var app = await HostDatabaseTemplates.StartAsync(TestFiles.NewPath("meter.db"),
            ["--urls=http://127.0.0.1:0", "--Database:SeedDemoData=false", "--Sources:Stripe:Enabled=true", "--Sources:Stripe:ApiKey=rk_test_readiness",
             $"--Telemetry:OtlpEndpoint={collector.BaseUrl}/", "--Telemetry:MetricInterval=00:00:01"],
            s => s.AddSingleton<ISourceConnector>(connector), Ct);

        // OTLP is protobuf: names and attribute values appear in it as UTF-8.
        bool Has(params string[] texts) => received.Any(r => Encoding.UTF8.GetString(r) is var body && texts.All(t => body.Contains(t, StringComparison.Ordinal)));
        await Wait.UntilAsync(() => Has("revbot.sync.age", "stripe") && Has("revbot.sync.read", "revbot.sync.runs", "succeeded"), poll: TimeSpan.FromMilliseconds(200));

        Assert.True(Has("revbot.sync.age", "stripe"), "the sync age gauge did not reach the collector");
        Assert.True(Has("revbot.sync.read", "revbot.sync.runs", "succeeded"), "the sync counters did not reach the collector");
    }

    private static async Task<(HttpStatusCode Status, JsonElement Source)> ReadyAsync(HttpClient http)
    {
        using var response = await http.GetAsync(new Uri("/readyz", UriKind.Relative), Ct);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        return (response.StatusCode, Assert.Single(body.GetProperty("sources").EnumerateArray()));
    }
}
