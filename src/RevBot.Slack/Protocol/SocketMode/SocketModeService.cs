using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace RevBot.Slack.Protocol.SocketMode;

/// <summary>Runs <see cref="SocketModeClient"/> for the life of the host when <c>Slack:Mode</c> is SocketMode; idle otherwise.</summary>
internal sealed class SocketModeService(IOptions<SlackOptions> options, IServiceProvider services) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        options.Value.RunsSocketMode
            ? services.GetRequiredService<SocketModeClient>().RunAsync(stoppingToken)
            : Task.CompletedTask;
}
