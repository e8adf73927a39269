using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RevBot.Host.Hosting;
using RevBot.Testing;

namespace RevBot.IntegrationTests.Hosting;

/// <summary>
/// <c>serve</c>'s start-up says what it is doing: each migration with its time on the log, and the question vocabulary
/// loaded in the background as the host starts, so the first question does not wait for it.
/// </summary>
public sealed class HostPreparationLogTests
{
    [Fact]
    public async Task Start_up_names_each_migration_with_its_time_and_loads_the_vocabulary_before_any_question()
    {
        var path = TestFiles.NewPath("new.db");
        var log = new Lines("Question vocabulary loaded");
        await using var app = await RevBotServer.StartAsync(
            [$"--Database:Target=sqlite:{path}", "--urls=http://127.0.0.1:0", "--Database:DemoScale=0.02"],
            services => services.AddSingleton<ILoggerProvider>(log), TestContext.Current.CancellationToken);

        var loaded = await log.Seen.Task.WaitAsync(TestContext.Current.CancellationToken);

        Assert.Matches(@"^RevBot\.Host\.Hosting\.VocabularyWarmup: Question vocabulary loaded: [\d,]+ names\.$", loaded);
        Assert.Contains(log.All, l => l.StartsWith("RevBot.Database: Applying migration ", StringComparison.Ordinal) && l.EndsWith("_Initial…", StringComparison.Ordinal));
        Assert.Contains(log.All, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^RevBot\.Database: Applying migration \d+_Initial: done in \d+\.\ds\.$"));
    }

    /// <summary>Every entry as "category: message"; <see cref="Seen"/> completes with the first that starts with the awaited text.</summary>
    private sealed class Lines(string awaited) : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> _all = new();

        public TaskCompletionSource<string> Seen { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public List<string> All => [.. _all];

        public ILogger CreateLogger(string categoryName) => new Category(categoryName, this);

        public void Dispose()
        {
        }

        private void Add(string category, string message)
        {
            var line = $"{category}: {message}";
            _all.Enqueue(line);
            if (message.StartsWith(awaited, StringComparison.Ordinal)) Seen.TrySetResult(line);
        }

        private sealed class Category(string name, Lines lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel)) lines.Add(name, formatter(state, exception));
            }
        }
    }
}
