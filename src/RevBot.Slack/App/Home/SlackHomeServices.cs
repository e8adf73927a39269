using Microsoft.Extensions.DependencyInjection;

namespace RevBot.Slack.App.Home;

internal static class SlackHomeServices
{
    /// <summary>The Home tab, published when it is opened and after a press on it.</summary>
    public static IServiceCollection AddSlackHome(this IServiceCollection services)
    {
        services.AddScoped(sp => ActivatorUtilities.CreateInstance<SlackHomePublisher>(sp));
        return services;
    }
}
