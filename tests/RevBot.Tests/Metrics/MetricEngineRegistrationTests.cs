using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RevBot.Core;
using RevBot.Core.Metrics;
using RevBot.Data;
using RevBot.Data.Storage;

namespace RevBot.Tests.Metrics;

public sealed class MetricEngineRegistrationTests
{
    [Fact]
    public async Task The_engine_resolves_per_scope_from_the_core_and_data_registrations()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Company:TimeZone"] = "Europe/Madrid" }).Build();
        var services = new ServiceCollection().AddLogging().AddRevBotCore(configuration).AddRevBotData(DbTarget.Sqlite(Path.Combine(Path.GetTempPath(), "revbot-tests", "unused.db")));
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        await using var first = provider.CreateAsyncScope();
        await using var second = provider.CreateAsyncScope();
        var engine = first.ServiceProvider.GetRequiredService<MetricEngine>();
        Assert.Same(engine, first.ServiceProvider.GetRequiredService<MetricEngine>());
        Assert.NotSame(engine, second.ServiceProvider.GetRequiredService<MetricEngine>());
    }
}
