using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using RevBot.Core;
using RevBot.Core.Outbox;
using RevBot.Core.Settings;
using RevBot.Slack.App.Conversations;
using RevBot.Slack.App.Home;
using RevBot.Slack.App.Interactions;
using RevBot.Slack.App.Outbox;
using RevBot.Slack.Protocol.Inbound;
using RevBot.Slack.Protocol.Signing;
using RevBot.Slack.Protocol.SocketMode;
using RevBot.Slack.Protocol.WebApi;

namespace RevBot.Slack;

public static class SlackServiceCollectionExtensions
{
    /// <summary>The named HttpClient all Slack Web API calls go through (the host adds its handlers to it).</summary>
    public const string HttpClientName = SlackHttpSender.HttpClientName;

    /// <summary>
    /// Registers the Slack protocol layer: options (validated at start), request verification, the Web API client, the
    /// Socket Mode service (idle unless <c>Slack:Mode</c> is SocketMode), the question-answering
    /// <see cref="ISlackInboundHandler"/>, and, when a bot token is configured, the outbox's Slack sender.
    /// </summary>
    public static IServiceCollection AddRevBotSlack(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<SlackOptions>().Bind(configuration.GetSection(SlackOptions.Section)).CheckOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(new SlackRetryPolicy());
        services.TryAddSingleton(new SocketModeTiming());

        services.AddSingleton<SlackSignatureVerifier>();

        services.AddHttpClient(SlackHttpSender.HttpClientName, http => http.Timeout = TimeSpan.FromSeconds(30));
        services.AddSingleton<SlackChannelPacer>();
        services.AddSingleton<SlackHttpSender>();
        services.AddSingleton(sp => new SlackApiClient(
            sp.GetRequiredService<IOptions<SlackOptions>>(), sp.GetRequiredService<SlackHttpSender>(), sp.GetRequiredService<SlackChannelPacer>()));

        AddConversations(services);
        if (!string.IsNullOrWhiteSpace(configuration[$"{SlackOptions.Section}:{nameof(SlackOptions.BotToken)}"])) AddOutbox(services);
        services.AddSingleton<SocketModeClient>();
        services.AddHostedService<SocketModeService>();
        return services;
    }

    /// <summary>
    /// The outbox sender, with its own client over the same pacer: no in-process retries (the outbox retries durably and
    /// keeps a 429's Retry-After in the row), so a send never holds a dispatcher worker for a minute.
    /// </summary>
    private static void AddOutbox(IServiceCollection services)
    {
        services.AddKeyedSingleton(SlackOutboxSender.OutboxClientKey, (sp, _) => new SlackApiClient(
            sp.GetRequiredService<IOptions<SlackOptions>>(),
            ActivatorUtilities.CreateInstance<SlackHttpSender>(sp, sp.GetRequiredService<SlackRetryPolicy>() with { MaxRetries = 0, MaxRateLimitRetries = 0 }),
            sp.GetRequiredService<SlackChannelPacer>()));
        services.AddScoped<IOutboxSender>(sp => new SlackOutboxSender(
            sp.GetRequiredService<RevBot.Core.Storage.RevBotDb>(), sp.GetRequiredKeyedService<SlackApiClient>(SlackOutboxSender.OutboxClientKey),
            sp.GetRequiredService<App.Files.SlackFileUploader>(), sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<SlackOutboxSender>>()));
    }

    /// <summary>
    /// The handler that answers questions. The per-item services depend on Core's scoped services (AskService, the
    /// DbContext); they are registered by factory so a container without Core (the protocol tests) still validates.
    /// A handler registered before this call (a test's recorder) is kept.
    /// </summary>
    private static void AddConversations(IServiceCollection services)
    {
        services.TryAddSingleton<ISlackInboundHandler, SlackQuestionHandler>();
        services.AddRevBotBackgroundWork();
        services.AddSingleton<SlackBotIdentity>();
        services.AddScoped(sp => ActivatorUtilities.CreateInstance<SlackUserDirectory>(sp));
        services.AddScoped(sp => ActivatorUtilities.CreateInstance<SlackAnswerer>(sp));
        services.AddScoped(sp => ActivatorUtilities.CreateInstance<App.Files.SlackFileUploader>(sp));
        services.AddScoped(sp => ActivatorUtilities.CreateInstance<SlackHomePublisher>(sp));
        services.AddScoped(sp => ActivatorUtilities.CreateInstance<SlackEventProcessor>(sp));
        services.AddScoped(sp => ActivatorUtilities.CreateInstance<SlackCommandProcessor>(sp));
        services.AddScoped(sp => ActivatorUtilities.CreateInstance<SlackActionProcessor>(sp));
        services.AddScoped(sp => ActivatorUtilities.CreateInstance<SlackInteractionProcessor>(sp));
    }
}
