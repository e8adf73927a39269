using RevBot.Core.Settings;

namespace RevBot.Host.Hosting;

/// <summary>
/// <c>Telemetry</c> settings. Traces and metrics are exported over OTLP only when an endpoint is configured here or
/// in the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> variable; otherwise nothing is collected.
/// </summary>
internal sealed class TelemetryOptions : ICheckedOptions
{
    public const string Section = "Telemetry";

    /// <summary>The collector, e.g. http://otel-collector:4318 (OTLP over HTTP/protobuf) or :4317 with Protocol grpc.</summary>
    public Uri? OtlpEndpoint { get; set; }

    /// <summary>"http/protobuf" (default) or "grpc".</summary>
    public string Protocol { get; set; } = "http/protobuf";

    /// <summary>How often metrics are pushed.</summary>
    public TimeSpan MetricInterval { get; set; } = TimeSpan.FromSeconds(30);

    public string ServiceName { get; set; } = "revbot";

    public IEnumerable<string> Problems()
    {
        if (Protocol is not ("http/protobuf" or "grpc")) yield return "Telemetry:Protocol must be http/protobuf or grpc.";
        if (MetricInterval < TimeSpan.FromSeconds(1)) yield return "Telemetry:MetricInterval must be at least 00:00:01.";
        if (OtlpEndpoint is not null && !OtlpEndpoint.IsAbsoluteUri) yield return "Telemetry:OtlpEndpoint must be an absolute URL such as http://otel-collector:4318.";
    }
}
