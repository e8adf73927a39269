using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RevBot.Core.Settings;

namespace RevBot.Core.Outbox;

public static class OutboxRegistration
{
    /// <summary>The outbox settings, its monitor and the dispatcher that sends what hand-offs, alerts and digests write to it, through the senders Slack and Teams register.</summary>
    public static IServiceCollection AddOutbox(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<OutboxOptions>().Bind(configuration.GetSection(OutboxOptions.Section)).CheckOnStart();
        services.AddScoped<OutboxMonitor>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        return services;
    }
}
