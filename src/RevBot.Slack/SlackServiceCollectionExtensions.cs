using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using RevBot.Slack.Inbound;
using RevBot.Slack.Signing;
using RevBot.Slack.SocketMode;
using RevBot.Slack.WebApi;

namespace RevBot.Slack;

public static class SlackServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Slack protocol layer: options (validated at start), request verification, the Web API client, the
    /// Socket Mode service (idle unless <c>Slack:Mode</c> is SocketMode) and a placeholder <see cref="ISlackInboundHandler"/>
    /// that a registration of the real handler replaces.
    /// </summary>
    public static IServiceCollection AddRevBotSlack(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<SlackOptions>().Bind(configuration.GetSection(SlackOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SlackOptions>, SlackOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(new SlackRetryPolicy());
        services.TryAddSingleton(new SocketModeTiming());

        services.AddSingleton<SlackSignatureVerifier>();

        services.AddHttpClient(SlackHttpSender.HttpClientName, http => http.Timeout = TimeSpan.FromSeconds(30));
        services.AddSingleton<SlackChannelPacer>();
        services.AddSingleton<SlackHttpSender>();
        services.AddSingleton(sp => new SlackApiClient(
            sp.GetRequiredService<IOptions<SlackOptions>>(), sp.GetRequiredService<SlackHttpSender>(), sp.GetRequiredService<SlackChannelPacer>()));

        services.TryAddSingleton<ISlackInboundHandler, UnwiredSlackInboundHandler>();
        services.AddSingleton<SocketModeClient>();
        services.AddHostedService<SocketModeService>();
        return services;
    }
}
