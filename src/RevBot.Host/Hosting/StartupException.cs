namespace RevBot.Host.Hosting;

/// <summary>A setting is wrong: the message is one sentence for the operator, shown instead of a stack trace.</summary>
public sealed class StartupException(string message) : Exception(message);
