using Microsoft.Extensions.Options;
using RevBot.Host.Hosting;

namespace RevBot.IntegrationTests.Hosting;

public sealed class AlertSettingsStartTests
{
    [Fact]
    public async Task A_bad_alert_setting_stops_the_host_with_one_sentence_naming_it()
    {
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => RevBotServer.StartAsync(
            ["--Database:Target=sqlite::memory:", "--urls=http://127.0.0.1:0", "--Alerts:Churn:UsageWeight=-5"], TestContext.Current.CancellationToken));

        Assert.Equal(["Alerts:Churn:UsageWeight must be a weight from 0 to 100 (got -5)."], ex.Failures);
    }
}
