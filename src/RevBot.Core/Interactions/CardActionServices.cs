using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace RevBot.Core.Interactions;

public static class CardActionServices
{
    /// <summary>A feature claims its buttons and forms: called from the feature's registration, once per route.</summary>
    public static IServiceCollection AddCardActions(this IServiceCollection services, CardActionRoute route)
    {
        ArgumentNullException.ThrowIfNull(route);
        services.AddCardActionRoutes();
        services.AddSingleton(route);
        return services;
    }

    /// <summary>
    /// The route table. Adapters call this too, so a container without Core's features (the adapters' protocol tests)
    /// still resolves it, empty: no button is Core's there.
    /// </summary>
    public static IServiceCollection AddCardActionRoutes(this IServiceCollection services)
    {
        services.TryAddSingleton<CardActionRoutes>();
        return services;
    }
}
