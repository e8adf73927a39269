using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RevBot.Core.Outbox;
using RevBot.Core.Storage;
using RevBot.Slack.App.Files;
using RevBot.Slack.Protocol.WebApi;

namespace RevBot.Slack.App.Outbox;

internal static class SlackOutboxServices
{
    /// <summary>
    /// The outbox sender, with its own client over the same pacer: no in-process retries (the outbox retries durably and
    /// keeps a 429's Retry-After in the row), so a send never holds a dispatcher worker for a minute.
    /// </summary>
    public static IServiceCollection AddSlackOutbox(this IServiceCollection services)
    {
        services.AddKeyedSingleton(SlackOutboxSender.OutboxClientKey, (sp, _) => new SlackApiClient(
            sp.GetRequiredService<IOptions<SlackOptions>>(),
            ActivatorUtilities.CreateInstance<SlackHttpSender>(sp, sp.GetRequiredService<SlackRetryPolicy>() with { MaxRetries = 0, MaxRateLimitRetries = 0 }),
            sp.GetRequiredService<SlackChannelPacer>()));
        services.AddScoped<IOutboxSender>(sp => new SlackOutboxSender(
            sp.GetRequiredService<RevBotDb>(), sp.GetRequiredKeyedService<SlackApiClient>(SlackOutboxSender.OutboxClientKey),
            sp.GetRequiredService<SlackFileUploader>(), sp.GetRequiredService<ILogger<SlackOutboxSender>>()));
        return services;
    }
}
