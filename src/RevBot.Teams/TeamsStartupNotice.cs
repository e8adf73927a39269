using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace RevBot.Teams;

/// <summary>Says at start whether Teams is on, and shouts when it runs without authentication.</summary>
internal sealed partial class TeamsStartupNotice(IOptions<TeamsOptions> options, ILogger<TeamsStartupNotice> log) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (o.AllowAnonymous) LogAnonymous(log);
        else if (o.IsEnabled) LogEnabled(log, o.AppId!, string.IsNullOrWhiteSpace(o.TenantId) ? "multi-tenant" : o.TenantId);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "TEAMS AUTHENTICATION IS OFF (Teams:AllowAnonymous=true): anyone who can reach this host "
        + "can post activities as Teams. Use this only with the Agents Playground on a development machine.")]
    private static partial void LogAnonymous(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Teams bot {AppId} is on ({Tenant}).")]
    private static partial void LogEnabled(ILogger logger, string appId, string tenant);
}
