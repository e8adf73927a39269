using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using RevBot.Core.Settings;
using RevBot.Sources.Hubspot;
using RevBot.Sources.Salesforce;
using RevBot.Sources.Stripe;
using RevBot.Sources.Sync;
using RevBot.Sources.WriteBack;

namespace RevBot.Sources;

public static class SourcesRegistration
{
    /// <summary>
    /// The systems of record: the <c>Sources</c> settings, the sync runner, the background sync, and each vendor's
    /// connector (and CRM writer) with its settings and HTTP client. A system is synced only when its section says
    /// Enabled.
    /// </summary>
    public static IServiceCollection AddSources(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SyncOptions>().Bind(configuration.GetSection(SyncOptions.Section)).CheckOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SyncRunner>();
        services.AddHostedService<SyncService>();
        // The vendors, one line each:
        services.AddHubspotSource(configuration);
        services.AddSalesforceSource(configuration);
        services.AddStripeSource(configuration);
        services.AddCrmWriteBack(configuration);
        return services;
    }
}
