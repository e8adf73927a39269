using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RevBot.Core;
using RevBot.Core.Outbox;
using RevBot.Core.Settings;
using RevBot.Teams.App.Conversations;
using RevBot.Teams.App.Outbox;
using RevBot.Teams.App.Proactive;
using RevBot.Teams.Protocol.Auth;
using RevBot.Teams.Protocol.Connector;

namespace RevBot.Teams;

public static class TeamsServiceCollectionExtensions
{
    public const string HttpClientName = "RevBot.Teams";

    /// <summary>
    /// Registers the Teams protocol layer: options (validated at start), inbound authentication, the service-URL trust
    /// list, the bot token provider and the connector client; and the activity handling behind /api/messages (a
    /// background work queue, the handler, the responder) and the proactive messenger; when Teams is on, the outbox's Teams
    /// sender. Safe to call with no <c>Teams</c> section (Teams stays off).
    /// </summary>
    public static IServiceCollection AddRevBotTeams(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TeamsOptions>().Bind(configuration.GetSection(TeamsOptions.Section)).CheckOnStart();
        services.AddHostedService<TeamsStartupNotice>();
        services.AddHttpClient(HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(30));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ServiceUrlTrust>();
        services.AddSingleton(sp => CreateSigningKeys(sp.GetRequiredService<IOptions<TeamsOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<BotAuthenticator>();
        services.AddSingleton<BotAppTokenProvider>();
        services.AddSingleton<ConversationPacer>();
        services.AddSingleton(new ConnectorRetryPolicy());
        services.AddSingleton<ConnectorTransport>();
        services.AddSingleton(sp => new ConnectorClient(sp.GetRequiredService<ConnectorTransport>()));
        services.AddRevBotBackgroundWork();
        services.AddScoped<ConversationReferenceStore>();
        services.AddScoped<TeamsUserDirectory>();
        services.AddScoped<TeamsResponder>();
        services.AddScoped<TeamsAnswerCharts>();
        services.AddScoped<TeamsActivityHandler>();
        services.AddScoped<TeamsProactiveMessenger>();
        if (configuration.GetSection(TeamsOptions.Section).Get<TeamsOptions>()?.IsEnabled == true)
            services.AddScoped<IOutboxSender>(sp => new TeamsOutboxSender(sp.GetRequiredService<RevBot.Core.Storage.RevBotDb>(), sp.GetRequiredService<TeamsProactiveMessenger>()));
        return services;
    }

    private static BotSigningKeys CreateSigningKeys(TeamsOptions options, TimeProvider time)
    {
        // The key sources keep their HttpClient for the life of the process; recycle connections so DNS changes are seen.
        var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(15) }) { Timeout = TimeSpan.FromSeconds(10) };
        var botFramework = new OpenIdKeySource(options.OpenIdMetadataUrl, http, time);
        var entra = string.IsNullOrWhiteSpace(options.TenantId) ? null : new OpenIdKeySource(options.EffectiveEntraOpenIdMetadataUrl, http, time);
        return new BotSigningKeys(botFramework, entra);
    }
}
