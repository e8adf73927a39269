using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace RevBot.Sources.Sync;

public static class SyncNudgeRegistration
{
    /// <summary>The shared nudge and its service; each vendor with webhooks calls this (registering twice adds nothing).</summary>
    public static IServiceCollection AddSyncNudge(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SyncRunner>();
        services.TryAddSingleton<SyncNudge>();
        services.AddHostedService<NudgedSyncService>();
        return services;
    }
}
