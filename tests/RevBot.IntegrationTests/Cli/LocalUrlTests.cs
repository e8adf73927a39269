using Microsoft.Extensions.Configuration;
using RevBot.Host.Hosting;

namespace RevBot.IntegrationTests.Cli;

/// <summary>Where <c>revbot health</c> finds the host: the first of its <c>urls</c>, a listen-everywhere host read as 127.0.0.1.</summary>
public sealed class LocalUrlTests
{
    [Theory]
    [InlineData(null, "http://127.0.0.1:5080")]
    [InlineData("http://+:8080", "http://127.0.0.1:8080")]
    [InlineData("http://*:8080/", "http://127.0.0.1:8080")]
    [InlineData("http://0.0.0.0:9000;https://0.0.0.0:9001", "http://127.0.0.1:9000")]
    [InlineData("http://[::]:7000", "http://127.0.0.1:7000")]
    [InlineData(" http://localhost:5000 ; http://+:6000", "http://localhost:5000")]
    [InlineData("http://10.1.2.3:80", "http://10.1.2.3:80")]
    public void Health_asks_the_first_address_the_host_listens_on(string? urls, string expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["urls"] = urls }).Build();

        Assert.Equal(expected, RevBotConfiguration.LocalUrl(configuration));
    }
}
