using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using RevBot.Core.Company;
using RevBot.Core.Forecasting;

namespace RevBot.Host.Cli;

/// <summary>
/// <c>revbot forecast backtest</c>: replays the forecast learned from history on past quarters (<see cref="ForecastBacktest"/>)
/// and prints its error next to the CRM-weighted forecast's and the forecast calls', as a table or as JSON (errors as fractions).
/// </summary>
internal static class ForecastCommand
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static Command Create()
    {
        var periods = new Option<int>("--periods") { Description = "How many past quarters (default 4).", DefaultValueFactory = _ => 4 };
        var checkpoints = new Option<string>("--checkpoints") { Description = "Weeks after each quarter's start to predict at, comma-separated (default 0,4,8).", DefaultValueFactory = _ => "0,4,8" };
        var format = new Option<string>("--format") { Description = "text or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var backtest = new Command("backtest", "Replay the forecast on past quarters with only what was known then, and compare it with what was booked.")
        {
            periods, checkpoints, format, AskCommand.AsOf,
        };
        backtest.SetAction(async (parse, ct) =>
        {
            var (output, error) = (parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
            if (!TargetResolver.TryResolve(parse, out var target)) return 2;
            if (!AskCommand.TryAsOf(parse.GetValue(AskCommand.AsOf), error, out var asOf)) return 2;
            var count = parse.GetValue(periods);
            if (count is < 1 or > 40)
            {
                await error.WriteLineAsync($"revbot: --periods must be a number of quarters from 1 to 40 (got {count}).");
                return 2;
            }
            if (!TryWeeks(parse.GetValue(checkpoints)!, out var weeks))
            {
                await error.WriteLineAsync($"revbot: --checkpoints must be weeks from 0 to 13, comma-separated, such as 0,4,8 (got '{parse.GetValue(checkpoints)}').");
                return 2;
            }
            if (!CliDatabase.Exists(target, error)) return 2;
            await using var services = CliServices.Create(target);
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<Core.Storage.RevBotDb>();
            if (!await CliDatabase.EnsureReadyAsync(db, target, error, ct)) return 2;
            if (!CliServices.TryCompany(scope.ServiceProvider, error, out var company)) return 2;
            var clock = asOf is { } day ? CompanyClock.At(day, company.GetTimeZone()) : scope.ServiceProvider.GetRequiredService<CompanyClock>();
            var report = await new ForecastBacktest(db, Options.Create(company), clock).RunAsync(count, weeks, ct);
            if (parse.GetValue(format) == "json") await output.WriteLineAsync(JsonSerializer.Serialize(report, Json));
            else await WriteTextAsync(report, output);
            return 0;
        });
        return new Command("forecast", "The forecast learned from history.") { backtest };
    }

    private static bool TryWeeks(string text, out List<int> weeks)
    {
        weeks = [];
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var w) || w > 13) return false;
            if (!weeks.Contains(w)) weeks.Add(w);
        }
        return weeks.Count > 0;
    }

    private static async Task WriteTextAsync(BacktestReport report, TextWriter output)
    {
        await output.WriteLineAsync("method     MAPE    bias    P10-P90 coverage");
        foreach (var (name, s) in report.Methods)
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{name,-9} {Pct(s.Mape),7} {Pct(s.Bias),7} {Pct(s.Coverage),8}"));
        await output.WriteLineAsync();
        await output.WriteLineAsync("period   week        actual       history      weighted          call");
        foreach (var r in report.Periods)
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{r.Period,-8} {r.Checkpoint,4} {r.Actual,13:N0} {r.History,13:N0}{(r.FromHistory ? " " : "*")}{r.Weighted,13:N0} {(r.Call is { } c ? c.ToString("N0", CultureInfo.InvariantCulture) : "-"),13}"));
        if (report.Periods.Any(r => !r.FromHistory)) await output.WriteLineAsync("* too little history then: the weighted forecast stands in for the model.");
    }

    private static string Pct(double? value) => value is { } v ? v.ToString("P1", CultureInfo.InvariantCulture) : "-";
}
