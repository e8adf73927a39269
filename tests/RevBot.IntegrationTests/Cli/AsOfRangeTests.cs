using System.CommandLine;
using RevBot.Host.Cli;
using RevBot.Testing;

namespace RevBot.IntegrationTests.Cli;

/// <summary><c>--as-of</c> takes the days RevBot can place (SupportedDates) and refuses others before touching the database.</summary>
public sealed class AsOfRangeTests
{
    [Theory]
    [InlineData("9999-12-31")]
    [InlineData("0001-01-01")]
    [InlineData("2200-01-01")]
    public async Task A_day_outside_the_supported_range_exits_2_and_opens_nothing(string day)
    {
        var path = TestFiles.NewPath("never.db");
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await RevBotCli.Create().Parse(["ask", "what is our ARR?", "--as-of", day, "--db", $"sqlite:{path}"])
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, TestContext.Current.CancellationToken);

        Assert.Equal(2, code);
        Assert.Contains("--as-of must be a date from 1900-01-01 to 2199-12-31", error.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(path));
        Assert.Equal("", output.ToString());
    }
}
