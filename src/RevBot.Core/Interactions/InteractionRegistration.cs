using Microsoft.Extensions.DependencyInjection;

namespace RevBot.Core.Interactions;

public static class InteractionRegistration
{
    /// <summary>The one entry adapters send button presses and form submissions to.</summary>
    public static IServiceCollection AddInteractions(this IServiceCollection services)
    {
        services.AddScoped<InteractionService>();
        return services;
    }
}
