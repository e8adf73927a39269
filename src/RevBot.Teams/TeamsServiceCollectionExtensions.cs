using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RevBot.Teams.App.Conversations;
using RevBot.Teams.App.Proactive;
using RevBot.Teams.Protocol;

namespace RevBot.Teams;

public static class TeamsServiceCollectionExtensions
{
    public const string HttpClientName = TeamsProtocolServices.HttpClientName;

    /// <summary>
    /// Registers the Teams adapter, protocol first, then each app feature: options (validated at start), inbound
    /// authentication, the service-URL trust list, the bot token provider and the connector client; the activity
    /// handling behind /api/messages (a background work queue, the handler, the responder, card actions); and the
    /// proactive messenger with, when Teams is on, the outbox's Teams sender. Safe to call with no <c>Teams</c> section
    /// (Teams stays off).
    /// </summary>
    public static IServiceCollection AddTeams(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddTeamsProtocol(configuration);
        services.AddTeamsConversations();
        services.AddTeamsProactive(configuration);
        return services;
    }
}
