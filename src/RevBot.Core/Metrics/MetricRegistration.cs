using Microsoft.Extensions.DependencyInjection;

namespace RevBot.Core.Metrics;

public static class MetricRegistration
{
    /// <summary>The metric engine (scoped, like the database context it reads).</summary>
    public static IServiceCollection AddMetrics(this IServiceCollection services)
    {
        services.AddScoped<MetricEngine>();
        return services;
    }
}
