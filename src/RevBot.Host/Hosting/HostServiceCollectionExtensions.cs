using RevBot.Core.Settings;

namespace RevBot.Host.Hosting;

internal static class HostServiceCollectionExtensions
{
    public const long MaxRequestBodyBytes = 1024 * 1024;

    public static IServiceCollection AddRevBotHost(this IServiceCollection services)
    {
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).CheckOnStart();
        services.AddOptions<InboundDeliveryOptions>().BindConfiguration(InboundDeliveryOptions.Section).CheckOnStart();
        services.AddHostedService<InboundDeliveryCleanup>();
        services.AddHostedService<VocabularyWarmup>();
        services.AddHostedService<RollupWindowsKeeper>();
        services.AddOptions<ForecastWarmupOptions>().BindConfiguration(ForecastWarmupOptions.Section);
        services.AddSingleton<ForecastWarmup>();
        services.AddHostedService(sp => sp.GetRequiredService<ForecastWarmup>());
        services.AddOptions<Api.ApiOptions>().BindConfiguration(Api.ApiOptions.Section).CheckOnStart();
        // Bodies are refused past 1 MiB by RequestSizeLimit (declared length) and the Slack/Teams readers (as read). Kestrel's
        // own cap sits above that so it can still drain a refused body slightly over the limit instead of resetting the
        // connection before the client has read its 413.
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = 4 * MaxRequestBodyBytes);
        services.AddSingleton<RedactedHttpLogger>();
        services.ConfigureHttpClientDefaults(http => http.RemoveAllLoggers().AddLogger<RedactedHttpLogger>());
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.CamelCase;
            o.SerializerOptions.DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull;
        });
        return services;
    }
}
