using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RevBot.Core;
using RevBot.Core.Answers;
using RevBot.Core.Conversation;
using RevBot.Data;
using RevBot.Data.Storage;

namespace RevBot.Benchmarks;

/// <summary>
/// Forecast questions through <c>AskService</c>. First what the host's ForecastWarmup does at start (the company's
/// forecast for this and next quarter: the learned tables, nearly all the work; this quarter by rep and by industry), then each question's first ask (its
/// filter's or breakdown's open deals today, on the day's learned table) and the next ones (the cached answer, plus
/// the stamp query and the weighted number). With <c>writes</c>, three open deals' amounts are changed and the next
/// ask timed (it changes the database's deals: not on a shared, read-only demo).
/// </summary>
internal static class ForecastBenchmark
{
    private static readonly string[] Questions =
    [
        "forecast this quarter", "forecast next quarter", "forecast for EMEA this quarter", "forecast by region this quarter",
        "forecast by segment this quarter", MyTeam, "will we hit quota this quarter", "¿llegamos a la cuota?",
        // Filters and breakdowns today's slices do not cover: each reads its own open deals (docs/forecast.md), except
        // this quarter by rep and by industry, which the host's warm-up computes too (ForecastWarmup.Breakdowns).
        TopRep, "forecast by rep this quarter", "forecast by industry this quarter", "forecast for renewals this quarter",
        "forecast for deals over 100k this quarter", "forecast by product this quarter", "forecast by source this quarter",
    ];

    /// <summary>What the host's ForecastWarmup computes at start: the company's two quarters, this quarter by rep and by industry.</summary>
    private static readonly string[] Warmed = [.. Questions.Take(2), "forecast by rep this quarter", "forecast by industry this quarter"];

    /// <summary>Replaced by the name of the rep with the most open deals.</summary>
    private const string TopRep = "forecast for {rep} this quarter";

    /// <summary>Asked as the manager with the most direct reports (the weekly digests' "my team" forecast).</summary>
    private const string MyTeam = "forecast for my team this quarter";

    public static async Task RunAsync(string rawTarget, DateOnly asOf, int iterations, bool writes)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddRevBotCore(new ConfigurationBuilder().Build());
        services.AddRevBotData(DbTarget.Parse(rawTarget));
        await using var provider = services.BuildServiceProvider();
        string? manager;
        string? rep;
        await using (var scope = provider.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RevBot.Core.Storage.RevBotDb>();
            rep = await db.Users.OrderByDescending(u => db.Deals.Count(d => d.OwnerId == u.Id && d.Status == RevBot.Core.Domain.DealStatus.Open))
                .ThenBy(u => u.Id).Select(u => u.Name).FirstOrDefaultAsync();
            manager = await db.Users.Where(u => db.Users.Any(r => r.ManagerId == u.Id))
                .OrderByDescending(u => db.Users.Count(r => r.ManagerId == u.Id)).ThenBy(u => u.Id).Select(u => u.Email).FirstOrDefaultAsync();
        }
        foreach (var warmed in Warmed)
        {
            var began = Stopwatch.GetTimestamp();
            await using var scope = provider.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<AskService>().AskAsync(new AskRequest(warmed, AsOf: asOf), CancellationToken.None);
            Console.WriteLine($"warm-up as the host starts, {warmed}: {Stopwatch.GetElapsedTime(began).TotalMilliseconds:F0} ms");
        }
        Console.WriteLine();
        Console.WriteLine("| question | first ask after the warm-up (ms) | cached ask median (ms) | cached ask p95 (ms) |");
        Console.WriteLine("| --- | ---: | ---: | ---: |");
        foreach (var question in Questions.Select(q => q.Replace("{rep}", rep)))
        {
            var first = true;
            async Task AskAsync()
            {
                await using var scope = provider.CreateAsyncScope();
                var email = question == MyTeam ? manager : null;
                var answer = await scope.ServiceProvider.GetRequiredService<AskService>().AskAsync(new AskRequest(question, email, AsOf: asOf), CancellationToken.None);
                if (!answer.Understood) throw new InvalidOperationException($"not understood: {question}");
                // What was answered (the filter "my team" became, the breakdown), so a table row is the question it names.
                if (first)
                    Console.Error.WriteLine($"{question}: {answer.Metric} {string.Join(",", answer.Filters?.Select(f => $"{f.Key}={f.Value}") ?? [])} " +
                        $"by {answer.GroupBy ?? "-"} = {answer.Value:N0} (from history: {answer.Forecast is not null})");
                first = false;
            }
            var started = Stopwatch.GetTimestamp();
            await AskAsync();
            var cold = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var warm = await Latency.MeasureAsync(AskAsync, iterations);
            Console.WriteLine($"| {question} | {cold:F0} | {warm.Median:F1} | {warm.P95:F1} |");
        }

        if (!writes) return;
        // A write that matters (an open deal's amount, as the deal path or a sync writes it): the next ask recomputes
        // the answer, but the learned table of past checkpoints is kept (its writes are dated now).
        Console.WriteLine();
        Console.WriteLine("| after a deal's amount changes | ask (ms) |");
        Console.WriteLine("| --- | ---: |");
        for (var i = 0; i < 3; i++)
        {
            await using (var scope = provider.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<RevBot.Core.Storage.RevBotDb>();
                var id = await db.Deals.Where(d => d.Status == RevBot.Core.Domain.DealStatus.Open).OrderBy(d => d.Id).Select(d => d.Id).Skip(i).FirstAsync();
                await db.Deals.Where(d => d.Id == id).ExecuteUpdateAsync(u => u.SetProperty(d => d.Amount, d => d.Amount + 1));
            }
            var started = Stopwatch.GetTimestamp();
            await using (var scope = provider.CreateAsyncScope())
                await scope.ServiceProvider.GetRequiredService<AskService>().AskAsync(new AskRequest(Questions[0], AsOf: asOf), CancellationToken.None);
            Console.WriteLine($"| forecast this quarter, change {i + 1} | {Stopwatch.GetElapsedTime(started).TotalMilliseconds:F0} |");
        }
    }
}
