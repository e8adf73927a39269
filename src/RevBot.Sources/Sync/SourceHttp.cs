using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using RevBot.Core.Domain;

namespace RevBot.Sources.Sync;

/// <summary>
/// The HTTP client of one system of record: one named client per system ("source.hubspot"), with the standard
/// resilience pipeline of Microsoft.Extensions.Http.Resilience (Polly): retries with exponential backoff and jitter on
/// 408, 429 and 5xx and on network errors, honouring the vendor's <c>Retry-After</c>; a circuit breaker; a timeout per
/// attempt and for the whole call. Connectors write no retry loop of their own.
/// </summary>
public static class SourceHttp
{
    public static string ClientName(SourceSystem system) => "source." + EnumText.Format(system);

    public static IHttpClientBuilder AddSourceHttpClient(this IServiceCollection services, SourceSystem system)
    {
        var builder = services.AddHttpClient(ClientName(system));
        builder.AddStandardResilienceHandler(o =>
        {
            o.Retry.MaxRetryAttempts = 5;
            o.Retry.Delay = TimeSpan.FromSeconds(1);
            o.Retry.ShouldRetryAfterHeader = true;
            // A vendor's rate-limit window can ask for tens of seconds; a sync waits it out rather than failing.
            o.AttemptTimeout.Timeout = TimeSpan.FromSeconds(30);
            o.TotalRequestTimeout.Timeout = TimeSpan.FromMinutes(5);
            o.CircuitBreaker.SamplingDuration = TimeSpan.FromMinutes(1);
        });
        return builder;
    }
}
