using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RevBot.Core;
using RevBot.Core.Answers;
using RevBot.Core.Conversation;
using RevBot.Data;
using RevBot.Data.Storage;

namespace RevBot.Benchmarks;

/// <summary>
/// Forecast questions through <c>AskService</c>: the first ask of each question computes the model (nothing cached for
/// that day, period and filters yet); the next ones read the day's cache (plus the stamp query and the weighted number).
/// </summary>
internal static class ForecastBenchmark
{
    private static readonly string[] Questions =
    [
        "forecast this quarter", "forecast next quarter", "forecast for EMEA this quarter", "forecast by region this quarter",
        "will we hit quota this quarter", "¿llegamos a la cuota?",
    ];

    public static async Task RunAsync(string rawTarget, DateOnly asOf, int iterations)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddRevBotCore(new ConfigurationBuilder().Build());
        services.AddRevBotData(DbTarget.Parse(rawTarget));
        await using var provider = services.BuildServiceProvider();
        Console.WriteLine("| question | first ask, model computed (ms) | cached ask median (ms) | cached ask p95 (ms) |");
        Console.WriteLine("| --- | ---: | ---: | ---: |");
        foreach (var question in Questions)
        {
            async Task AskAsync()
            {
                await using var scope = provider.CreateAsyncScope();
                var answer = await scope.ServiceProvider.GetRequiredService<AskService>().AskAsync(new AskRequest(question, AsOf: asOf), CancellationToken.None);
                if (!answer.Understood) throw new InvalidOperationException($"not understood: {question}");
            }
            var started = Stopwatch.GetTimestamp();
            await AskAsync();
            var cold = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var warm = await Latency.MeasureAsync(AskAsync, iterations);
            Console.WriteLine($"| {question} | {cold:F0} | {warm.Median:F1} | {warm.P95:F1} |");
        }
    }
}
