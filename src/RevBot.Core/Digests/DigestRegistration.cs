using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RevBot.Core.Answers;
using RevBot.Core.Digests.Scheduling;
using RevBot.Core.Outbox;
using RevBot.Core.Settings;

namespace RevBot.Core.Digests;

public static class DigestRegistration
{
    /// <summary>The digest builder, the schedule commands (a chat command), the poster and the scheduler that runs it.</summary>
    public static IServiceCollection AddDigests(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<DigestBuilder>();
        services.AddScoped<DigestSubscriptions>();
        services.AddScoped<IChatCommand>(sp => sp.GetRequiredService<DigestSubscriptions>());
        services.AddOptions<DigestScheduleOptions>().Bind(configuration.GetSection(DigestScheduleOptions.Section)).CheckOnStart();
        services.AddScoped<DigestPoster>();
        services.AddScoped<IOutboxGoneHandler, DigestGoneHandler>();
        services.AddHostedService<DigestSchedulerService>();
        return services;
    }
}
