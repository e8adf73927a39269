using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RevBot.Core.Settings;

namespace RevBot.Core.Company;

public static class CompanyRegistration
{
    /// <summary>The company settings (checked at start) and the clock in the company's time zone.</summary>
    public static IServiceCollection AddCompany(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CompanyOptions>().Bind(configuration.GetSection(CompanyOptions.Section)).CheckOnStart();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new CompanyClock(sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<CompanyOptions>>().Value.GetTimeZone()));
        return services;
    }
}
