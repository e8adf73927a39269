using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RevBot.Core;
using RevBot.Slack.App.Files;
using RevBot.Slack.Protocol.Inbound;

namespace RevBot.Slack.App.Conversations;

internal static class SlackConversationServices
{
    /// <summary>
    /// Questions in mentions, DMs, threads and /revbot, and the handler that routes every delivery. The per-item services
    /// depend on Core's scoped services (AskService, the DbContext); they are registered by factory so a container
    /// without Core (the protocol tests) still validates. A handler registered before this call (a test's recorder) is kept.
    /// </summary>
    public static IServiceCollection AddSlackConversations(this IServiceCollection services)
    {
        services.TryAddSingleton<ISlackInboundHandler, SlackQuestionHandler>();
        services.AddRevBotBackgroundWork();
        services.AddSingleton<SlackBotIdentity>();
        services.AddScoped(sp => ActivatorUtilities.CreateInstance<SlackUserDirectory>(sp));
        services.AddScoped(sp => ActivatorUtilities.CreateInstance<SlackAnswerer>(sp));
        // Charts of answers, digests and alerts are shared as files.
        services.AddScoped(sp => ActivatorUtilities.CreateInstance<SlackFileUploader>(sp));
        services.AddScoped(sp => ActivatorUtilities.CreateInstance<SlackEventProcessor>(sp));
        services.AddScoped(sp => ActivatorUtilities.CreateInstance<SlackCommandProcessor>(sp));
        return services;
    }
}
