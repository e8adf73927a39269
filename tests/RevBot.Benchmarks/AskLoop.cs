using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RevBot.Core;
using RevBot.Core.Answers;
using RevBot.Core.Conversation;
using RevBot.Data;
using RevBot.Data.Storage;

namespace RevBot.Benchmarks;

/// <summary>
/// One question asked N times in a row through <see cref="AskService"/> (a scope per ask, as the host makes one per
/// request): wall and this process's CPU per ask. For the fixed cost around a small question's SQL, and as the loop
/// to attach <c>dotnet-trace</c> to (<c>--pause</c> waits for Enter before the timed loop).
/// </summary>
internal static class AskLoop
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length < 5)
        {
            Console.Error.WriteLine("usage: ask-loop <PostgreSQL target> <as-of YYYY-MM-DD> <asks> <only the question containing this text> [--pause]");
            return 2;
        }
        var target = DbTarget.Parse(args[1]);
        var asOf = DateOnly.Parse(args[2], CultureInfo.InvariantCulture);
        var asks = int.Parse(args[3], CultureInfo.InvariantCulture);
        await AsOfWindows.RegisterAsync(target, asOf);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddRevBotCore(new ConfigurationBuilder().Build());
        services.AddRevBotData(target);
        await using var provider = services.BuildServiceProvider();
        var q = QuestionSet.For(asOf, await QuestionSetPeople.ReadAsync(target.ConnectionString))
            .First(q => q.Question.Contains(args[4], StringComparison.OrdinalIgnoreCase));
        async Task AskAsync()
        {
            await using var scope = provider.CreateAsyncScope();
            var answer = await scope.ServiceProvider.GetRequiredService<AskService>().AskAsync(new AskRequest(q.Question, q.As, asOf), CancellationToken.None);
            if (!answer.Understood) throw new InvalidOperationException($"not understood: {q.Question}");
        }
        for (var i = 0; i < Math.Max(50, asks / 10); i++) await AskAsync();
        if (args.Contains("--pause")) { Console.Error.WriteLine($"pid {Environment.ProcessId}: press Enter to start"); Console.ReadLine(); }
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes(precise: false);
        var samples = new double[asks];
        var wall = Stopwatch.StartNew();
        for (var i = 0; i < asks; i++)
        {
            var sw = Stopwatch.StartNew();
            await AskAsync();
            samples[i] = sw.Elapsed.TotalMilliseconds;
        }
        var total = wall.Elapsed.TotalMilliseconds;
        var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
        var kb = (GC.GetTotalAllocatedBytes(precise: false) - allocated) / 1024.0 / asks;
        Array.Sort(samples);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{q.Question}: {asks} asks, wall per ask {total / asks:F3} ms (median {samples[asks / 2]:F3}, p95 {samples[(int)(asks * 0.95)]:F3}), " +
            $"process CPU per ask {cpuMs / asks:F3} ms, allocated per ask {kb:F0} KiB"));
        return 0;
    }
}
