using RevBot.Core;
using RevBot.Data;
using RevBot.Data.Storage;

namespace RevBot.Host.Cli;

/// <summary>
/// The same services the host uses, for commands that run once (ask, chat): configuration comes from
/// appsettings.json and environment variables (Company__TimeZone…), exactly as for <c>serve</c>.
/// </summary>
internal static class CliServices
{
    public static ServiceProvider Create(DbTarget target)
    {
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(b => b.AddConfiguration(configuration.GetSection("Logging")).SetMinimumLevel(LogLevel.Warning));
        services.AddRevBotCore(configuration);
        services.AddRevBotData(target);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
