using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RevBot.Core.Alerts;
using RevBot.Core.Company;
using RevBot.Core.Conversation;
using RevBot.Core.Metrics;

namespace RevBot.Core;

public static class CoreServiceCollectionExtensions
{
    /// <summary>Registers the product logic: company settings (validated at start), the clock, the metric engine and the alert scanner (scoped, like the database context they query).</summary>
    public static IServiceCollection AddRevBotCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddLogging();
        services.AddOptions<CompanyOptions>().Bind(configuration.GetSection(CompanyOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CompanyOptions>, CompanyOptionsValidator>();
        services.AddOptions<AlertOptions>().Bind(configuration.GetSection(AlertOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AlertOptions>, AlertOptionsValidator>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new CompanyClock(sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<CompanyOptions>>().Value.GetTimeZone()));
        services.AddScoped<MetricEngine>();
        services.AddScoped<ConversationStore>();
        services.AddScoped<AskService>();
        services.AddScoped<AlertScanner>();
        services.AddSingleton<VocabularyCache>();
        return services;
    }
}
