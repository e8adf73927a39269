using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace RevBot.IntegrationTests.Security;

/// <summary>
/// Keeps the host's log entries at or above a level: with <c>exceptionsOnly</c>, what an unhandled exception leaves
/// behind (the fuzz test); otherwise every message with its exception, to search for secrets. Set REVBOT_FUZZ_LOG to a
/// file to also get full stack traces of the exceptions there when a run needs investigating.
/// </summary>
internal sealed class LogCapture(LogLevel minimum, bool exceptionsOnly) : ILoggerProvider
{
    private readonly LogLevel _minimum = minimum;
    private readonly bool _exceptionsOnly = exceptionsOnly;

    public ConcurrentQueue<string> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, this);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, LogCapture capture) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= capture._minimum;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel < capture._minimum || (capture._exceptionsOnly && exception is null)) return;
            capture.Entries.Enqueue($"{category}: {formatter(state, exception)} {exception?.GetType().Name} {exception?.Message} {exception?.InnerException?.Message}");
            if (exception is not null && Environment.GetEnvironmentVariable("REVBOT_FUZZ_LOG") is { Length: > 0 } file)
                File.AppendAllText(file, $"{category}\n{exception}\n\n");
        }
    }
}
