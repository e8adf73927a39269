using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using RevBot.Core.Settings;
using RevBot.Teams.Protocol.Auth;
using RevBot.Teams.Protocol.Connector;

namespace RevBot.Teams.Protocol;

/// <summary>The Bot Framework protocol: what any bot on Teams would need, and nothing about what RevBot answers.</summary>
internal static class TeamsProtocolServices
{
    public const string HttpClientName = "RevBot.Teams";

    /// <summary>Options (validated at start), inbound authentication, the service-URL trust list, the bot token and the connector client.</summary>
    public static IServiceCollection AddTeamsProtocol(this IServiceCollection services, IConfiguration configuration)
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
