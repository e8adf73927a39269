using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using RevBot.Core;
using RevBot.Core.Answers;
using RevBot.Core.Conversation;
using RevBot.Core.Storage;
using RevBot.Data;
using RevBot.Data.Storage;

namespace RevBot.Benchmarks;

/// <summary>
/// The round trips one question makes: every statement Npgsql sends while <see cref="AskService"/> answers it (EF's
/// queries and the metric engine's own commands alike), with its time, after a warm-up that loads the vocabulary.
/// </summary>
internal static class AskTrace
{
    public static async Task<int> RunAsync(string rawTarget, DateOnly asOf, string only)
    {
        var target = DbTarget.Parse(rawTarget);
        var statements = new StatementLog();
        using var loggers = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Debug).AddProvider(statements));
        NpgsqlLoggingConfiguration.InitializeLogging(loggers, parameterLoggingEnabled: StatementLog.Full);
        var services = new ServiceCollection();
        services.AddSingleton(loggers);
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Debug).AddProvider(statements));
        services.AddRevBotCore(new ConfigurationBuilder().Build());
        services.AddRevBotData(target);
        await using var provider = services.BuildServiceProvider();
        var questions = QuestionSet.For(asOf, await QuestionSetPeople.ReadAsync(target.ConnectionString))
            .Where(q => q.Question.Contains(only, StringComparison.OrdinalIgnoreCase)).ToList();
        foreach (var q in questions)
        {
            for (var i = 0; i < 3; i++) await AskAsync(provider, q, asOf);
            statements.Clear();
            var sw = Stopwatch.StartNew();
            await AskAsync(provider, q, asOf);
            var total = sw.Elapsed.TotalMilliseconds;
            var seen = statements.Take();
            var parse = await ParseMillisecondsAsync(provider, q, asOf);
            Console.WriteLine($"## {q.Question}{(q.As is null ? "" : $" (as {q.As})")}: {seen.Count} statements, {total:F1} ms, of which parsing {parse:F1} ms");
            foreach (var s in seen) Console.WriteLine($"- {s}");
            Console.WriteLine();
        }
        return 0;
    }

    /// <summary>Reading the question alone with the kept vocabulary: the fastest of 20 (what the ask spends outside SQL).</summary>
    private static async Task<double> ParseMillisecondsAsync(IServiceProvider provider, SetQuestion q, DateOnly asOf)
    {
        await using var scope = provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RevBotDb>();
        var vocabulary = await scope.ServiceProvider.GetRequiredService<VocabularyCache>().GetAsync(db, CancellationToken.None);
        var context = new ParseContext(asOf, 1, q.As, vocabulary);
        var best = double.MaxValue;
        for (var i = 0; i < 20; i++)
        {
            var sw = Stopwatch.StartNew();
            QuestionParser.Parse(q.Question, context);
            best = Math.Min(best, sw.Elapsed.TotalMilliseconds);
        }
        return best;
    }

    private static async Task AskAsync(IServiceProvider provider, SetQuestion q, DateOnly asOf)
    {
        await using var scope = provider.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AskService>().AskAsync(new AskRequest(q.Question, q.As, asOf), CancellationToken.None);
    }

    private sealed class StatementLog : ILoggerProvider, ILogger
    {
        private readonly ConcurrentQueue<string> _seen = new();

        public void Clear() => _seen.Clear();

        public List<string> Take() => [.. _seen];

        /// <summary>REVBOT_TRACE_FULL=1: whole statements with their parameters, to run them by hand with EXPLAIN.</summary>
        public static readonly bool Full = Environment.GetEnvironmentVariable("REVBOT_TRACE_FULL") == "1";

        public ILogger CreateLogger(string categoryName) => categoryName == "Npgsql.Command" ? this : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var text = formatter(state, exception);
            if (!text.StartsWith("Command execution completed", StringComparison.Ordinal)) return;
            var flat = string.Join(' ', text.Split((char[])['\n', '\r', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));
            _seen.Enqueue(Full || flat.Length <= 220 ? flat : flat[..220] + "…");
        }

        public void Dispose() { }
    }
}
