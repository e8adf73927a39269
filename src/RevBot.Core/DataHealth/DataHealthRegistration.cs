using Microsoft.Extensions.DependencyInjection;
using RevBot.Core.Interactions;

namespace RevBot.Core.DataHealth;

public static class DataHealthRegistration
{
    /// <summary>Data health checks, record merges and their button presses.</summary>
    public static IServiceCollection AddDataHealth(this IServiceCollection services)
    {
        services.AddScoped<DataHealthQueries>();
        services.AddScoped<RecordMerger>();
        services.AddScoped<DataHealthInteractions>();
        services.AddCardActions(DataHealthActionRoute.Route);
        return services;
    }
}
