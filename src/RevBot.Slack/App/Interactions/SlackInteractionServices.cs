using Microsoft.Extensions.DependencyInjection;
using RevBot.Core.Interactions;

namespace RevBot.Slack.App.Interactions;

internal static class SlackInteractionServices
{
    /// <summary>
    /// Button presses and modals: the adapter's own buttons ("ask", "share") and those Core's features registered in
    /// <see cref="CardActionRoutes"/> (the table is added here too, empty, when Core is not).
    /// </summary>
    public static IServiceCollection AddSlackInteractions(this IServiceCollection services)
    {
        services.AddCardActionRoutes();
        services.AddScoped(sp => ActivatorUtilities.CreateInstance<SlackActionProcessor>(sp));
        services.AddScoped(sp => ActivatorUtilities.CreateInstance<SlackInteractionProcessor>(sp));
        return services;
    }
}
