using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RevBot.Core.Outbox;
using RevBot.Core.Storage;
using RevBot.Teams.App.Outbox;

namespace RevBot.Teams.App.Proactive;

internal static class TeamsProactiveServices
{
    /// <summary>Messages RevBot starts (alerts, digests, hand-offs): the messenger and, when Teams is on, the outbox's Teams sender.</summary>
    public static IServiceCollection AddTeamsProactive(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<TeamsProactiveMessenger>();
        if (configuration.GetSection(TeamsOptions.Section).Get<TeamsOptions>()?.IsEnabled == true)
            services.AddScoped<IOutboxSender>(sp => new TeamsOutboxSender(sp.GetRequiredService<RevBotDb>(), sp.GetRequiredService<TeamsProactiveMessenger>()));
        return services;
    }
}
