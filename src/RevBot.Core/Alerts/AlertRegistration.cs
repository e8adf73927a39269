using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RevBot.Core.Alerts.Actions;
using RevBot.Core.Alerts.Delivery;
using RevBot.Core.Alerts.Feeds;
using RevBot.Core.Alerts.Personal;
using RevBot.Core.Alerts.Subscriptions;
using RevBot.Core.Answers;
using RevBot.Core.Digests;
using RevBot.Core.Interactions;
using RevBot.Core.Outbox;
using RevBot.Core.Settings;

namespace RevBot.Core.Alerts;

public static class AlertRegistration
{
    /// <summary>Alert settings (checked at start), the scan and its scheduler, delivery, buttons, subscription and mute commands (a chat command), personal settings and the two digest sections alerts feed.</summary>
    public static IServiceCollection AddAlerts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AlertOptions>().Bind(configuration.GetSection(AlertOptions.Section)).CheckOnStart();
        services.AddScoped<AlertScanner>();
        services.AddScoped<AlertRouter>();
        services.AddScoped<AlertDelivery>();
        services.AddScoped<AlertInteractions>();
        services.AddCardActions(AlertActionRoute.Route);
        services.AddScoped<ExpansionInteractions>();
        services.AddCardActions(ExpansionActionRoute.Route);
        services.AddScoped<AlertCommands>();
        services.AddScoped<IChatCommand>(sp => sp.GetRequiredService<AlertCommands>());
        services.AddScoped<AlertMutes>();
        services.AddScoped<PersonalAlerts>();
        services.AddScoped<IOutboxGoneHandler, AlertGoneHandler>();
        services.AddSingleton<AlertFindingsCache>();
        services.AddScoped<IDigestFeed>(sp => ActivatorUtilities.CreateInstance<AlertDigestFeed>(sp, DigestSectionIds.StalledDeals));
        services.AddScoped<IDigestFeed>(sp => ActivatorUtilities.CreateInstance<AlertDigestFeed>(sp, DigestSectionIds.AtRiskAccounts));
        services.AddHostedService<AlertScanService>();
        return services;
    }
}
