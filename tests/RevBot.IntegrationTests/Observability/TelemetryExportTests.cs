using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using RevBot.IntegrationTests.Hosting;
using RevBot.IntegrationTests.Teams;
using RevBot.Testing;

namespace RevBot.IntegrationTests.Observability;

/// <summary>Traces and metrics reach an OTLP collector when one is configured, and nothing is set up when none is.</summary>
public sealed class TelemetryExportTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task With_an_endpoint_traces_and_the_revbot_counters_are_exported_over_otlp()
    {
        var received = new ConcurrentQueue<(string Path, byte[] Body)>();
        await using var collector = await LocalServer.StartAsync(app => app.MapPost("/{**signal}", async (HttpContext http) =>
        {
            using var buffer = new MemoryStream();
            await http.Request.Body.CopyToAsync(buffer);
            received.Enqueue((http.Request.Path.Value!, buffer.ToArray()));
            return Results.Ok();
        }));
        await using var app = await StartAsync($"--Telemetry:OtlpEndpoint={collector.BaseUrl}/", "--Telemetry:MetricInterval=00:00:01");
        using var http = BareHost.Client(app, ApiKey);
        using (await http.PostAsJsonAsync("/api/ask", new { question = "what is our ARR?" }, Ct)) { }

        // Metrics are pushed every second, traces within the batch processor's five seconds.
        await Wait.UntilAsync(() => Has("/v1/traces", "/api/ask") && Has("/v1/metrics", "revbot.questions") && Has("/v1/metrics", "revbot.outbox.oldest_due_age"),
            poll: TimeSpan.FromMilliseconds(200));

        Assert.True(Has("/v1/traces", "/api/ask"), "no trace of the /api/ask request reached the collector");
        Assert.True(Has("/v1/metrics", "revbot.questions"), "the revbot.questions counter did not reach the collector");
        Assert.True(Has("/v1/metrics", "revbot.outbox.oldest_due_age"), "the outbox gauges did not reach the collector");

        // OTLP is protobuf: names and attribute values appear in it as UTF-8.
        bool Has(string path, string text) => received.Any(r => r.Path == path && Encoding.UTF8.GetString(r.Body).Contains(text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_an_endpoint_nothing_is_collected()
    {
        await using var app = await StartAsync();
        Assert.Null(app.Services.GetService<TracerProvider>());
    }

    [Fact]
    public async Task A_bad_protocol_stops_the_host_with_one_sentence()
    {
        var ex = await Assert.ThrowsAnyAsync<Exception>(() => StartAsync("--Telemetry:Protocol=carrier-pigeon"));
        Assert.Contains("Telemetry:Protocol must be http/protobuf or grpc.", ex.Message, StringComparison.Ordinal);
    }

    private const string ApiKey = "otel-test-key-0123456789";

    private static Task<WebApplication> StartAsync(params string[] extra) =>
        BareHost.StartAsync([$"--Api:Key={ApiKey}", "--Api:UserEmail=api@example.com", .. extra]);
}
