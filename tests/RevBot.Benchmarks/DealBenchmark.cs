using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RevBot.Core;
using RevBot.Core.DataHealth;
using RevBot.Core.Deals;
using RevBot.Data;
using RevBot.Data.Storage;

namespace RevBot.Benchmarks;

/// <summary>
/// Latency of deal search (exact words, accents, a typo, a common word, an id), of a deal card and of the data-health
/// report. Reads only: safe on a shared benchmark database once it has the DealUpdates migration.
/// </summary>
internal static class DealBenchmark
{
    public static async Task RunAsync(string rawTarget, int iterations)
    {
        var services = new ServiceCollection().AddLogging().AddRevBotCore(new ConfigurationBuilder().Build()).AddRevBotData(DbTarget.Parse(rawTarget));
        await using var provider = services.BuildServiceProvider();
        async Task<T> Use<TService, T>(Func<TService, Task<T>> use) where TService : notnull
        {
            await using var scope = provider.CreateAsyncScope();
            return await use(scope.ServiceProvider.GetRequiredService<TService>());
        }

        Console.WriteLine("| operation | hits | median (ms) | p95 (ms) |");
        Console.WriteLine("| --- | ---: | ---: | ---: |");
        foreach (var (text, userId) in new (string, int?)[]
        {
            ("schowalter haley renewal", 40), ("Schowalter-Haley Manufacturing - Vision Kit", null), ("kautzer mohr", 40), ("kautzr mohr", 40),
            ("heidenreich powlowski route planner", null), ("renewal", 40), ("deal-00012345", null), ("zzzyzx", null),
        })
        {
            var hits = (await Use<DealFinder, DealSearchResult>(f => f.FindAsync(text, userId, 5, CancellationToken.None))).Total;
            var t = await Latency.MeasureAsync(() => Use<DealFinder, DealSearchResult>(f => f.FindAsync(text, userId, 5, CancellationToken.None)), iterations);
            Console.WriteLine($"| search \"{text}\"{(userId is null ? "" : $" as user {userId}")} | {hits} | {t.Median:F1} | {t.P95:F1} |");
        }
        var card = await Latency.MeasureAsync(() => Use<DealCards, RevBot.Core.Replies.Reply?>(c => c.CardAsync("deal-00012345", null, "en", CancellationToken.None)), iterations);
        Console.WriteLine($"| deal card | 1 | {card.Median:F1} | {card.P95:F1} |");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var health = await Latency.MeasureAsync(() => Use<DataHealthQueries, DataHealthReport>(q => q.RunAsync(today, 10, "en", CancellationToken.None)), Math.Max(3, iterations / 5), warmUp: 1);
        Console.WriteLine($"| data health report | | {health.Median:F1} | {health.P95:F1} |");
    }
}
