namespace RevBot.Host.Hosting;

internal static class HostServiceCollectionExtensions
{
    public const long MaxRequestBodyBytes = 1024 * 1024;

    public static IServiceCollection AddRevBotHost(this IServiceCollection services)
    {
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section)
            .Validate(o => o.DemoScale is > 0 and <= 1000, "Database:DemoScale must be a number above 0 and at most 1000.")
            .ValidateOnStart();
        services.AddOptions<InboundDeliveryOptions>().BindConfiguration(InboundDeliveryOptions.Section)
            .Validate(o => o.Retention >= InboundDeliveryOptions.MinimumRetention,
                "InboundDeliveries:Retention must be at least 01:00:00 (an hour): Slack and Teams retry a delivery for minutes, and a key deleted sooner could let a retry be answered twice.")
            .Validate(o => o.CleanupInterval >= InboundDeliveryOptions.MinimumCleanupInterval,
                "InboundDeliveries:CleanupInterval must be at least 00:01:00 (a minute).")
            .ValidateOnStart();
        services.AddHostedService<InboundDeliveryCleanup>();
        services.AddHostedService<AlertScanService>();
        services.AddHostedService<VocabularyWarmup>();
        services.AddHostedService<RevBot.Core.Digests.Scheduling.DigestSchedulerService>();
        services.AddOptions<Api.ApiOptions>().BindConfiguration(Api.ApiOptions.Section)
            .Validate(Api.ApiOptions.HasUserWhenKeyed, "Api:UserEmail must be the e-mail of the RevBot user that changes made through the API are attributed to (required when Api:Key is set).")
            .ValidateOnStart();
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
