using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using RevBot.Core.Settings;
using RevBot.Slack.Protocol.Signing;
using RevBot.Slack.Protocol.SocketMode;
using RevBot.Slack.Protocol.WebApi;

namespace RevBot.Slack.Protocol;

/// <summary>Slack's protocol: what any app on Slack would need, and nothing about what RevBot answers.</summary>
internal static class SlackProtocolServices
{
    /// <summary>Options (validated at start), request signing, and the Web API client over one pacer.</summary>
    public static IServiceCollection AddSlackProtocol(this IServiceCollection services, IConfiguration configuration)
    {
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
        return services;
    }

    /// <summary>The Socket Mode connection; its service stays idle unless <c>Slack:Mode</c> is SocketMode.</summary>
    public static IServiceCollection AddSlackSocketMode(this IServiceCollection services)
    {
        services.AddSingleton<SocketModeClient>();
        services.AddHostedService<SocketModeService>();
        return services;
    }
}
