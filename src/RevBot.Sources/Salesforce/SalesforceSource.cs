using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RevBot.Core.Domain;
using RevBot.Core.Settings;
using RevBot.Sources.Sync;

namespace RevBot.Sources.Salesforce;

public static class SalesforceSource
{
    /// <summary>
    /// <c>Sources:Salesforce</c> (checked at start), the "source.salesforce" HTTP client with the standard resilience
    /// pipeline, the token cache, the connector and the write-back client.
    /// </summary>
    public static IServiceCollection AddSalesforceSource(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SalesforceOptions>().Bind(configuration.GetSection(SalesforceOptions.SectionName)).CheckOnStart();
        services.AddSourceHttpClient(SourceSystem.Salesforce);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SalesforceLimits>();
        services.AddSingleton<SalesforceTokens>();
        services.AddSingleton<SalesforceApi>();
        services.AddSingleton<SalesforceOrg>();
        services.AddSingleton<SalesforceConnector>();
        services.AddSingleton<ISourceConnector>(s => s.GetRequiredService<SalesforceConnector>());
        services.AddSingleton<SalesforceCrmWriter>();
        services.AddSingleton<ICrmWriter>(s => s.GetRequiredService<SalesforceCrmWriter>());
        return services;
    }
}
