using Microsoft.Extensions.DependencyInjection;

namespace RevBot.Core.Metrics;

public static class MetricRegistration
{
    /// <summary>The metric engine (scoped, like the database context it reads), and the data facts every question checks (kept).</summary>
    public static IServiceCollection AddMetrics(this IServiceCollection services)
    {
        services.AddScoped<MetricEngine>();
        services.AddSingleton<DataFactsCache>();
        // RevBot.Data adds this to every context it registers, so a save of deals or subscriptions drops the facts.
        services.AddSingleton<DataFactsInvalidation>();
        return services;
    }
}
