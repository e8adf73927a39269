using System.Text.Json;

namespace RevBot.IntegrationTests.Cli;

/// <summary><c>revbot forecast backtest</c>: the JSON shape of issue 21, and bad values refused before anything runs.</summary>
public sealed class ForecastCommandTests
{
    [Fact]
    public async Task The_backtest_prints_the_issue_s_json_shape()
    {
        var db = $"sqlite:{Path.Combine(CliRun.NewFolder(), "f.db")}";
        Assert.Equal(0, (await CliRun.InProcessAsync("db", "migrate", "--db", db)).Code);

        var (code, output, error) = await CliRun.InProcessAsync("forecast", "backtest", "--periods", "2", "--checkpoints", "0,4", "--format", "json", "--as-of", "2026-11-27", "--db", db);

        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(output);
        foreach (var method in new[] { "history", "weighted", "calls" })
            foreach (var field in new[] { "mape", "bias", "coverage" })
                Assert.True(json.RootElement.GetProperty("methods").GetProperty(method).TryGetProperty(field, out _), $"{method}.{field}");
        var periods = json.RootElement.GetProperty("periods").EnumerateArray().ToList();
        Assert.Equal(["2026-Q2", "2026-Q2", "2026-Q3", "2026-Q3"], periods.Select(p => p.GetProperty("period").GetString()));
        Assert.Equal([0, 4, 0, 4], periods.Select(p => p.GetProperty("checkpoint").GetInt32()));
        Assert.All(periods, p => Assert.Equal(["period", "checkpoint", "actual", "history", "weighted", "call"], p.EnumerateObject().Select(o => o.Name)));
    }

    [Theory]
    [InlineData("--checkpoints", "0,x")]
    [InlineData("--checkpoints", "20")]
    [InlineData("--periods", "0")]
    public async Task Bad_values_are_refused_and_nothing_is_printed(string option, string value)
    {
        var db = $"sqlite:{Path.Combine(CliRun.NewFolder(), "f.db")}";

        var (code, output, error) = await CliRun.InProcessAsync("forecast", "backtest", option, value, "--db", db);

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains(option, error, StringComparison.Ordinal);
    }
}
