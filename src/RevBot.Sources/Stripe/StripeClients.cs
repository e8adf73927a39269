using Microsoft.Extensions.Options;
using RevBot.Sources.Sync;
using Stripe;
using SourceSystem = RevBot.Core.Domain.SourceSystem;

namespace RevBot.Sources.Stripe;

/// <summary>
/// Makes the Stripe.net client for one run: the key read now (a rotated secret file is picked up), the settings' API
/// base, and the "source.stripe" HTTP client with its resilience pipeline; the SDK's own retries and telemetry are off.
/// </summary>
public sealed class StripeClients(IHttpClientFactory http, IOptionsMonitor<StripeOptions> options)
{
    internal StripeClient Create()
    {
        var o = options.CurrentValue;
        var key = o.ReadApiKey() ?? throw new SyncFailedException($"{StripeOptions.SectionName}:ApiKey (or ApiKeyFile) is not set.");
        var httpClient = new SystemNetHttpClient(http.CreateClient(SourceHttp.ClientName(SourceSystem.Stripe)), maxNetworkRetries: 0, enableTelemetry: false);
        return new StripeClient(key, httpClient: httpClient, apiBase: o.BaseUrl.TrimEnd('/'));
    }
}
