namespace RevBot.Host.Hosting;

internal static class HostServiceCollectionExtensions
{
    public static IServiceCollection AddRevBotHost(this IServiceCollection services)
    {
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section)
            .Validate(o => o.DemoScale is > 0 and <= 1000, "Database:DemoScale must be a number above 0 and at most 1000.")
            .ValidateOnStart();
        services.AddOptions<Api.ApiOptions>().BindConfiguration(Api.ApiOptions.Section)
            .Validate(Api.ApiOptions.HasUserWhenKeyed, "Api:UserEmail must be the e-mail of the RevBot user that changes made through the API are attributed to (required when Api:Key is set).")
            .ValidateOnStart();
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.CamelCase;
            o.SerializerOptions.DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull;
        });
        return services;
    }
}
