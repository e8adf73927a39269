using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RevBot.Core;
using RevBot.Core.Answers;
using RevBot.Core.Conversation;
using RevBot.Data;
using RevBot.Data.Storage;

namespace RevBot.Benchmarks;

/// <summary>
/// In-process latency of whole questions (parse, context, SQL, answer text) next to the best hand-written SQL for the
/// same headline number, both over the same Npgsql connection pool.
/// </summary>
internal static class AskBenchmark
{
    public static async Task RunAsync(string rawTarget, DateOnly asOf, int iterations)
    {
        var target = DbTarget.Parse(rawTarget);
        var services = new ServiceCollection();
        var configuration = new ConfigurationBuilder().Build();
        services.AddLogging();
        services.AddRevBotCore(configuration);
        services.AddRevBotData(target);
        await using var provider = services.BuildServiceProvider();

        Console.WriteLine("| question | ask median (ms) | ask p95 (ms) | SQL over deals (ms) | with the comparison (ms) | SQL over the rollup (ms) | with the comparison (ms) | ask ÷ best SQL with the comparison |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var (question, sql, comparison, rollup, rollupComparison) in HandWrittenSql.For(asOf))
        {
            var ask = await Latency.MeasureAsync(async () =>
            {
                await using var scope = provider.CreateAsyncScope();
                var answer = await scope.ServiceProvider.GetRequiredService<AskService>().AskAsync(new AskRequest(question, AsOf: asOf), CancellationToken.None);
                if (!answer.Understood) throw new InvalidOperationException($"not understood: {question}");
            }, iterations);
            QuestionVocabulary words;
            await using (var scope = provider.CreateAsyncScope())
                words = await scope.ServiceProvider.GetRequiredService<VocabularyCache>().GetAsync(scope.ServiceProvider.GetRequiredService<RevBot.Core.Storage.RevBotDb>(), CancellationToken.None);
            var parse = await Latency.MeasureAsync(() => { QuestionParser.Parse(question, new ParseContext(asOf, 1, null, words)); return Task.CompletedTask; }, iterations);
            Console.Error.WriteLine($"parse {question}: {parse.Median:F2} ms");
            var parsed = QuestionParser.Parse(question, new ParseContext(asOf, 1, null, words));
            if (parsed.Metric is { } metric)
            {
                var period = parsed.Period ?? new RevBot.Core.Periods.PeriodResolver(asOf, new RevBot.Core.Periods.FiscalCalendar(1)).Offset(RevBot.Core.Periods.PeriodGrain.Quarter, 0);
                var eval = await Latency.MeasureAsync(async () =>
                {
                    await using var scope = provider.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<RevBot.Core.Metrics.MetricEngine>().EvaluateAsync(new RevBot.Core.Metrics.MetricQuery(metric, period, parsed.Filters, parsed.GroupBy), CancellationToken.None);
                }, iterations);
                Console.Error.WriteLine($"engine {question}: {eval.Median:F2} ms");
            }
            var raw = target.Provider == DbProvider.Postgres
                ? await Latency.MeasureAsync(() => RunSqlAsync(target.ConnectionString, sql), iterations)
                : (double.NaN, double.NaN);
            // The answer shows the number and its comparison, both asked at once on two connections; so is the SQL here.
            var both = target.Provider == DbProvider.Postgres && comparison is not null
                ? await Latency.MeasureAsync(() => Task.WhenAll(RunSqlAsync(target.ConnectionString, sql), RunSqlAsync(target.ConnectionString, comparison)), iterations)
                : raw;
            var rolled = target.Provider == DbProvider.Postgres && rollup is not null
                ? await Latency.MeasureAsync(() => RunSqlAsync(target.ConnectionString, rollup), iterations)
                : (double.NaN, double.NaN);
            var rolledBoth = target.Provider == DbProvider.Postgres && rollup is not null && rollupComparison is not null
                ? await Latency.MeasureAsync(() => Task.WhenAll(RunSqlAsync(target.ConnectionString, rollup), RunSqlAsync(target.ConnectionString, rollupComparison)), iterations)
                : rolled;
            var best = double.IsNaN(rolledBoth.Item1) ? both.Item1 : Math.Min(both.Item1, rolledBoth.Item1);
            Console.WriteLine($"| {question} | {ask.Median:F1} | {ask.P95:F1} | {raw.Item1:F1} | {both.Item1:F1} | {Cell(rolled.Item1)} | {Cell(rolledBoth.Item1)} | {ask.Median / best:F2} |");
        }
    }

    private static string Cell(double ms) => double.IsNaN(ms) ? "–" : ms.ToString("F1", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Runs one statement on its own pooled connection and reads every row (the hand-written SQL's cost).</summary>
    internal static async Task RunSqlAsync(string connectionString, string sql)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) { }
    }
}
