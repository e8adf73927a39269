using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RevBot.Core.Settings;
using RevBot.Sources.Sync;
using SourceSystem = RevBot.Core.Domain.SourceSystem;

namespace RevBot.Sources.Stripe;

/// <summary>Registers the Stripe source: its settings (checked at start), its HTTP client, its connector, its webhook handler and the sync its webhooks nudge.</summary>
public static class StripeSource
{
    public static IServiceCollection AddStripeSource(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StripeOptions>().Bind(configuration.GetSection(StripeOptions.SectionName)).CheckOnStart();
        // The resilience pipeline's own timeouts bound each call; HttpClient's 100 s default would cut a rate-limit wait short.
        services.AddSourceHttpClient(SourceSystem.Stripe).ConfigureHttpClient(c => c.Timeout = Timeout.InfiniteTimeSpan);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<StripeClients>();
        services.AddSingleton<StripeConnector>();
        services.AddSingleton<ISourceConnector>(sp => sp.GetRequiredService<StripeConnector>());
        services.AddSingleton<StripeWebhook>();
        services.AddSyncNudge();
        return services;
    }
}
