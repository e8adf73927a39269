using Microsoft.Extensions.DependencyInjection;
using RevBot.Core.Domain;

namespace RevBot.Sources.Sync;

/// <summary>Finds the connector the vendor parts registered for a system (at most one each).</summary>
public static class SourceConnectors
{
    public static ISourceConnector? Find(IServiceProvider services, SourceSystem system) =>
        services.GetServices<ISourceConnector>().FirstOrDefault(c => c.System == system);
}
