using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RevBot.Core.Answers;
using RevBot.Core.Interactions;
using RevBot.Core.Settings;

namespace RevBot.Core.Watches;

public static class WatchRegistration
{
    /// <summary>The watch sentences and commands (a chat command, tried before the others so "alert me when …" is a watch), the evaluator that checks them and the Stop / Snooze buttons.</summary>
    public static IServiceCollection AddWatches(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WatchOptions>().Bind(configuration.GetSection(WatchOptions.Section)).CheckOnStart();
        services.AddScoped<WatchCommands>();
        services.AddScoped<IChatCommand>(sp => sp.GetRequiredService<WatchCommands>());
        services.AddScoped<WatchDealEvents>();
        services.AddScoped<WatchEvaluator>();
        services.AddScoped<WatchInteractions>();
        services.AddCardActions(WatchActionRoute.Route);
        services.AddHostedService<WatchService>();
        return services;
    }
}
