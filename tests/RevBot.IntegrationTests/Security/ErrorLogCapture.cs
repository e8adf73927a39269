using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace RevBot.IntegrationTests.Security;

/// <summary>Keeps every log entry at Error or above that carries an exception: what "an unhandled exception" leaves behind.</summary>
internal sealed class ErrorLogCapture : ILoggerProvider
{
    public ConcurrentQueue<string> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, Entries);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<string> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel >= LogLevel.Error && exception is not null)
                entries.Enqueue($"{category}: {formatter(state, exception)} {exception.GetType().Name}: {exception.Message} {exception.InnerException?.Message}");
            if (logLevel >= LogLevel.Error && exception is not null && Environment.GetEnvironmentVariable("REVBOT_FUZZ_LOG") is { Length: > 0 } file)
                File.AppendAllText(file, $"{category}\n{exception}\n\n");
        }
    }
}
