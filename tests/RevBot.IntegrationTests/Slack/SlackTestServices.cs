using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RevBot.Slack;

namespace RevBot.IntegrationTests.Slack;

/// <summary>The Slack services as the host registers them, pointed at a fake Slack, with a test clock.</summary>
internal static class SlackTestServices
{
    public const string BotToken = "xoxb-test-bot";
    public const string AppToken = "xapp-test-app";

    public static ServiceProvider Build(FakeSlack fake, TimeProvider time, Action<IServiceCollection>? configure = null, string mode = "Http")
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Slack:BotToken"] = BotToken,
            ["Slack:AppToken"] = AppToken,
            ["Slack:Mode"] = mode,
            ["Slack:ApiBaseUrl"] = fake.ApiBaseUrl,
        }).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton(time);
        configure?.Invoke(services);
        services.AddSlack(config);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
