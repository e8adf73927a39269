using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RevBot.Core.Deals.WriteBack;
using RevBot.Core.Settings;
using RevBot.Core.Sources;

namespace RevBot.Sources.WriteBack;

public static class CrmWriteRegistration
{
    /// <summary>
    /// Write-back of changes to synced deals: its settings, the recorder of the CRMs' answers, the inline first attempt
    /// the deal commands make, and the background dispatcher. The writers themselves (<see cref="Sync.ICrmWriter"/>) come
    /// with each CRM's registration.
    /// </summary>
    public static IServiceCollection AddCrmWriteBack(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CrmWriteOptions>().Bind(configuration.GetSection(CrmWriteOptions.Section)).CheckOnStart();
        services.AddScoped<CrmWriteRecorder>();
        services.AddSingleton<ICrmWriteNow, CrmWriteNow>();
        services.AddSingleton<CrmWriteDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<CrmWriteDispatcher>());
        return services;
    }
}
