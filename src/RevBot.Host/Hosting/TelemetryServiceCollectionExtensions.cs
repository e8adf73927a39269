using Microsoft.Extensions.Options;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using RevBot.Core.Domain;
using RevBot.Core.Settings;
using RevBot.Core.Telemetry;
using RevBot.Slack;
using RevBot.Teams;

namespace RevBot.Host.Hosting;

/// <summary>
/// Counts chat API errors always; exports traces (ASP.NET Core, HttpClient, Npgsql) and metrics (those plus the RevBot
/// meter) over OTLP only when an endpoint is configured. Span URLs get the same redaction as the logs.
/// </summary>
internal static class TelemetryServiceCollectionExtensions
{
    public const string StandardEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static IServiceCollection AddRevBotTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHttpClient(SlackServiceCollectionExtensions.HttpClientName).AddHttpMessageHandler(() => new ChatApiErrorCounter(ChatPlatform.Slack));
        services.AddHttpClient(TeamsServiceCollectionExtensions.HttpClientName).AddHttpMessageHandler(() => new ChatApiErrorCounter(ChatPlatform.Teams));
        services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.Section).CheckOnStart();

        var options = configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        var endpoint = options.OtlpEndpoint
            ?? (Uri.TryCreate(Environment.GetEnvironmentVariable(StandardEndpointVariable), UriKind.Absolute, out var fromEnv) ? fromEnv : null);
        if (endpoint is null || !endpoint.IsAbsoluteUri) return services;

        services.AddHostedService<OutboxMetricsSampler>();
        services.AddHostedService<SyncMetricsSampler>();
        var grpc = options.Protocol == "grpc";
        void Configure(OtlpExporterOptions o, string signal)
        {
            o.Protocol = grpc ? OtlpExportProtocol.Grpc : OtlpExportProtocol.HttpProtobuf;
            // Over HTTP each signal has its own path; an explicit endpoint is used as given.
            o.Endpoint = grpc ? endpoint : new Uri(endpoint, signal);
        }

        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(options.ServiceName))
            .WithTracing(t => t
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments("/healthz"))
                .AddHttpClientInstrumentation(o => o.EnrichWithHttpRequestMessage = (activity, request) =>
                    activity.SetTag("url.full", RedactedHttpLogger.Redact(request.RequestUri)))
                .AddSource("Npgsql")
                .AddOtlpExporter(o => Configure(o, "v1/traces")))
            .WithMetrics(m => m
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddMeter(RevBotMetrics.MeterName, "Npgsql")
                .AddOtlpExporter((o, reader) =>
                {
                    Configure(o, "v1/metrics");
                    reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = (int)options.MetricInterval.TotalMilliseconds;
                }));
        return services;
    }
}
