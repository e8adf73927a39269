using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RevBot.Slack.App.Conversations;
using RevBot.Slack.App.Home;
using RevBot.Slack.App.Interactions;
using RevBot.Slack.App.Outbox;
using RevBot.Slack.Protocol;
using RevBot.Slack.Protocol.WebApi;

namespace RevBot.Slack;

public static class SlackServiceCollectionExtensions
{
    /// <summary>The named HttpClient all Slack Web API calls go through (the host adds its handlers to it).</summary>
    public const string HttpClientName = SlackHttpSender.HttpClientName;

    /// <summary>
    /// Registers the Slack adapter, protocol first, then each app feature: options (validated at start), request
    /// verification and the Web API client; the question-answering <see cref="Protocol.Inbound.ISlackInboundHandler"/>
    /// (a handler registered before this call, a test's recorder, is kept) and what it hands work to; card buttons and
    /// modals; the Home tab; when a bot token is configured, the outbox's Slack sender; and last the Socket Mode service
    /// (idle unless <c>Slack:Mode</c> is SocketMode), so its hosted service starts after the work queue's.
    /// </summary>
    public static IServiceCollection AddSlack(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSlackProtocol(configuration);
        services.AddSlackConversations();
        services.AddSlackInteractions();
        services.AddSlackHome();
        if (!string.IsNullOrWhiteSpace(configuration[$"{SlackOptions.Section}:{nameof(SlackOptions.BotToken)}"])) services.AddSlackOutbox();
        services.AddSlackSocketMode();
        return services;
    }
}
