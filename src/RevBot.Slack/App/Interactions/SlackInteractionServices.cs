using Microsoft.Extensions.DependencyInjection;
using RevBot.Core.Interactions;
using RevBot.Slack.Protocol.BlockKit;

namespace RevBot.Slack.App.Interactions;

internal static class SlackInteractionServices
{
    /// <summary>
    /// Button presses and modals: the adapter's own buttons ("ask", "share", in <see cref="SlackButtons"/>) and those
    /// Core's features registered in <see cref="CardActionRoutes"/> (the table is added here too, empty, when Core is not).
    /// </summary>
    public static IServiceCollection AddSlackInteractions(this IServiceCollection services)
    {
        services.AddCardActionRoutes();
        services.AddScoped(sp => ActivatorUtilities.CreateInstance<SlackActionProcessor>(sp));
        services.AddScoped(sp => ActivatorUtilities.CreateInstance<SlackInteractionProcessor>(sp));
        services.AddSingleton(new SlackButton(SlackActionProcessor.Ask, (sp, a, ct) => sp.GetRequiredService<SlackActionProcessor>().AskAsync(a, ct)));
        services.AddSingleton(new SlackButton(SlackActionIds.Share, (sp, a, ct) => sp.GetRequiredService<SlackActionProcessor>().ShareAsync(a, ct)));
        services.AddSingleton<SlackButtons>();
        return services;
    }
}
