namespace RevBot.Host.Cli;

/// <summary>
/// What a command is doing while it runs (a migration, a rollup rebuild…), one timestamped line per step on the
/// command's error stream, so its standard output stays the result alone and a long step is never silent.
/// </summary>
internal sealed class ProgressLog(TextWriter writer, LogLevel minimum = LogLevel.Information) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= minimum && logLevel != LogLevel.None;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        if (!IsEnabled(logLevel)) return;
        // Several steps may report from different threads (the demo load's pipeline); lines stay whole.
        lock (writer) writer.WriteLine($"{DateTime.Now:HH:mm:ss} {formatter(state, exception)}");
    }
}
