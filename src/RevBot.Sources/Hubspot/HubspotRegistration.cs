using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RevBot.Core.Domain;
using RevBot.Core.Settings;
using RevBot.Sources.Sync;

namespace RevBot.Sources.Hubspot;

public static class HubspotRegistration
{
    /// <summary>HubSpot's settings (checked at start), its HTTP client, connector, write-back client and webhook-driven sync.</summary>
    public static IServiceCollection AddHubspotSource(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<HubspotOptions>().Bind(configuration.GetSection(HubspotOptions.SectionName)).CheckOnStart();
        services.AddSourceHttpClient(SourceSystem.Hubspot);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SyncRunner>();
        services.AddSingleton<HubspotApi>();
        services.AddSingleton<HubspotConnector>();
        services.AddSingleton<ISourceConnector>(sp => sp.GetRequiredService<HubspotConnector>());
        services.AddSingleton<ICrmWriter, HubspotCrmWriter>();
        services.AddSyncNudge();
        return services;
    }
}
