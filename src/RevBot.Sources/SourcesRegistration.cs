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
    /// Enabled; an enabled system this build has no connector for stops the host at start.
    /// </summary>
    public static IServiceCollection AddSources(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SyncOptions>().Bind(configuration.GetSection(SyncOptions.Section)).CheckOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SyncOptions>, ConnectorCheck>());
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

    /// <summary>An enabled system needs a connector: without one it would silently never sync.</summary>
    private sealed class ConnectorCheck(IServiceProvider services) : IValidateOptions<SyncOptions>
    {
        public ValidateOptionsResult Validate(string? name, SyncOptions options) => CheckedOptions.Result(
            options.Enabled.Where(s => SourceConnectors.Find(services, s.System) is null)
                .Select(s => $"Sources:{s.System}:Enabled is true, but this build has no {SourceNames.Display(s.System)} connector."));
    }
}
