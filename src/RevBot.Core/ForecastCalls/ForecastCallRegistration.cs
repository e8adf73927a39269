using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RevBot.Core.Answers;
using RevBot.Core.Digests;
using RevBot.Core.Digests.Scheduling;
using RevBot.Core.Interactions;
using RevBot.Core.Settings;

namespace RevBot.Core.ForecastCalls;

public static class ForecastCallRegistration
{
    /// <summary>The weekly forecast call: its schedule kind on the digest scheduler, its card's button and form, its questions.</summary>
    public static IServiceCollection AddForecastCalls(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ForecastCallOptions>().Bind(configuration.GetSection(ForecastCallOptions.Section)).CheckOnStart();
        services.AddScoped<ForecastCallReader>();
        services.AddScoped<ForecastCallCompany>();
        services.AddScoped<ForecastCallRollups>();
        services.AddScoped<ForecastCallSubmissions>();
        services.AddScoped<ForecastCallInteractions>();
        services.AddScoped<IScheduledKind, ForecastCallScheduler>();
        services.AddScoped<IDigestFeed, ForecastCallDigestFeed>();
        services.AddScoped<ForecastCallQuestions>();
        services.AddScoped<IChatCommand>(sp => sp.GetRequiredService<ForecastCallQuestions>());
        services.AddCardActions(Route);
        return services;
    }

    private static CardActionRoute Route { get; } = CardActionRoute.Prefix(
        ForecastCallActionIds.Prefix,
        (sp, p, userId, ct) => sp.GetRequiredService<ForecastCallInteractions>().PressAsync(p.ActionId, p.Value, userId, p.Language, ct),
        (sp, s, state, userId, ct) => sp.GetRequiredService<ForecastCallInteractions>().SubmitAsync(s.FormId, state, s.Values, userId, s.Channel, s.Language, ct));
}
