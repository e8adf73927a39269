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
/// Issue 23's question set: each question through <see cref="AskService"/> (parse, context, SQL, answer text), next to
/// its hand-written SQL for the number and the comparison, run at once on two connections as the answer runs them.
/// PostgreSQL only: the budgets are for the production database.
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

        Console.WriteLine("| # | question | ask median (ms) | ask p95 (ms) | SQL with the comparison, median (ms) | ask ÷ SQL |");
        Console.WriteLine("| ---: | --- | ---: | ---: | ---: | ---: |");
        var (fast, near, timed) = (0, 0, 0);
        foreach (var (q, i) in questions.Select((q, i) => (q, i + 1)))
        {
            var ask = await Latency.MeasureAsync(async () =>
            {
                await using var scope = provider.CreateAsyncScope();
                var answer = await scope.ServiceProvider.GetRequiredService<AskService>().AskAsync(new AskRequest(q.Question, q.As, asOf), CancellationToken.None);
                if (!answer.Understood) throw new InvalidOperationException($"not understood: {q.Question}");
            }, iterations);
            var sql = q.Sql is null ? (double.NaN, double.NaN) : await Latency.MeasureAsync(
                () => Task.WhenAll(new[] { q.Sql, q.Comparison }.OfType<string>().Select(s => AskBenchmark.RunSqlAsync(target.ConnectionString, s))), iterations);
            var ratio = ask.Median / sql.Item1;
            if (ask.P95 < 50) fast++;
            if (!double.IsNaN(ratio)) { timed++; if (ratio <= 1.2) near++; }
            var who = q.As is null ? "" : $" (as {q.As[..q.As.IndexOf('@', StringComparison.Ordinal)]})";
            Console.WriteLine($"| {i} | {q.Question}{who} | {ask.Median:F1} | {ask.P95:F1} | {Cell(sql.Item1)} | {Cell(ratio, "F2")} |");
        }
        Console.WriteLine();
        Console.WriteLine($"{fast} of {questions.Count} questions with p95 under 50 ms; {near} of {timed} within 1.2× of their hand-written SQL.");
        return 0;
    }

    private static string Cell(double v, string format = "F1") => double.IsNaN(v) ? "–" : v.ToString(format, CultureInfo.InvariantCulture);
}
