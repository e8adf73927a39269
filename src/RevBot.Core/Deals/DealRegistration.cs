using Microsoft.Extensions.DependencyInjection;
using RevBot.Core.Interactions;

namespace RevBot.Core.Deals;

public static class DealRegistration
{
    /// <summary>Deal search, cards, updates (with the listeners other features register, see IDealStatusListener) and button presses.</summary>
    public static IServiceCollection AddDeals(this IServiceCollection services)
    {
        services.AddScoped<DealFinder>();
        services.AddScoped<DealCards>();
        services.AddScoped<DealCommandService>();
        services.AddScoped<DealInteractions>();
        services.AddCardActions(DealActionRoute.Route);
        return services;
    }
}
