using Microsoft.Extensions.DependencyInjection;
using RevBot.Core.Domain;

namespace RevBot.Sources.Sync;

/// <summary>
/// Finds the connector registered for a system. The last registration wins, as everywhere in dependency injection, so a
/// test or a host can put its own in front of the vendor's.
/// </summary>
public static class SourceConnectors
{
    public static ISourceConnector? Find(IServiceProvider services, SourceSystem system) =>
        services.GetServices<ISourceConnector>().LastOrDefault(c => c.System == system);
}
