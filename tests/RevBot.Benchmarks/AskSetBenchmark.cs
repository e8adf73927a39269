using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RevBot.Core;
using RevBot.Core.Answers;
using RevBot.Core.Conversation;
using RevBot.Core.Storage;
using RevBot.Data;
using RevBot.Data.Storage;

namespace RevBot.Benchmarks;

/// <summary>
/// Issue 23's question set: each question through <see cref="AskService"/> (parse, context, SQL, answer text), next to
/// its hand-written SQL for the number and the comparison, run at once on two connections as the answer runs them.
/// PostgreSQL only: the budgets are for the production database. Before any timing, one round asks every question of
/// the set once, as a running host has (its shared code compiled again, optimised, after ~30 calls): without it, that
/// recompilation lands in the timed asks of the first few questions in a fresh process, one core of two. The round's
/// own times are the "first round" column: the cold cost a fresh process's first user sees, kept visible.
/// </summary>
internal static class AskSetBenchmark
{
    public static async Task<int> RunAsync(string rawTarget, DateOnly asOf, int iterations, string? only = null)
    {
        var target = DbTarget.Parse(rawTarget);
        if (target.Provider != DbProvider.Postgres) { Console.Error.WriteLine("ask-set needs a PostgreSQL database"); return 2; }
        await AsOfWindows.RegisterAsync(target, asOf);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddRevBotCore(new ConfigurationBuilder().Build());
        services.AddRevBotData(target);
        await using var provider = services.BuildServiceProvider();
        var questions = QuestionSet.For(asOf, await QuestionSetPeople.ReadAsync(target.ConnectionString))
            .Where(q => only is null || q.Question.Contains(only, StringComparison.OrdinalIgnoreCase)).ToList();

        async Task AskAsync(SetQuestion q)
        {
            await using var scope = provider.CreateAsyncScope();
            var answer = await scope.ServiceProvider.GetRequiredService<AskService>().AskAsync(new AskRequest(q.Question, q.As, asOf), CancellationToken.None);
            if (!answer.Understood) throw new InvalidOperationException($"not understood: {q.Question}");
        }
        // The vocabulary first, as the host loads it at start (VocabularyWarmup): not a question's cost.
        var loading = Stopwatch.GetTimestamp();
        await using (var scope = provider.CreateAsyncScope())
            await provider.GetRequiredService<VocabularyCache>().GetAsync(scope.ServiceProvider.GetRequiredService<RevBotDb>(), CancellationToken.None);
        Console.WriteLine($"Vocabulary loaded in {Stopwatch.GetElapsedTime(loading).TotalSeconds:F1} s (the host does this at start).");
        Console.WriteLine();
        var first = new List<double>();
        foreach (var q in questions)
        {
            var started = Stopwatch.GetTimestamp();
            await AskAsync(q);
            first.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        Console.WriteLine("| # | question | ask median (ms) | ask p95 (ms) | SQL with the comparison, median (ms) | ask ÷ SQL | first round (ms) |");
        Console.WriteLine("| ---: | --- | ---: | ---: | ---: | ---: | ---: |");
        var (fast, near, timed) = (0, 0, 0);
        foreach (var (q, i) in questions.Select((q, i) => (q, i + 1)))
        {
            var ask = await Latency.MeasureAsync(() => AskAsync(q), iterations);
            var sql = q.Sql is null ? (double.NaN, double.NaN) : await Latency.MeasureAsync(
                () => Task.WhenAll(new[] { q.Sql, q.Comparison }.OfType<string>().Select(s => AskBenchmark.RunSqlAsync(target.ConnectionString, s))), iterations);
            var ratio = ask.Median / sql.Item1;
            if (ask.P95 < 50) fast++;
            if (!double.IsNaN(ratio)) { timed++; if (ratio <= 1.2) near++; }
            var who = q.As is null ? "" : $" (as {q.As[..q.As.IndexOf('@', StringComparison.Ordinal)]})";
            Console.WriteLine($"| {i} | {q.Question}{who} | {ask.Median:F1} | {ask.P95:F1} | {Cell(sql.Item1)} | {Cell(ratio, "F2")} | {first[i - 1]:F1} |");
        }
        Console.WriteLine();
        Console.WriteLine($"{fast} of {questions.Count} questions with p95 under 50 ms; {near} of {timed} within 1.2× of their hand-written SQL.");
        return 0;
    }

    private static string Cell(double v, string format = "F1") => double.IsNaN(v) ? "–" : v.ToString(format, CultureInfo.InvariantCulture);
}
