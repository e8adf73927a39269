namespace RevBot.Core.Work;

/// <summary>
/// Work left over after a platform has had its quick acknowledgement (Slack's 3 seconds, Teams' 15): answering a
/// question, sending a welcome card. <see cref="Run"/> gets a service provider from its own DI scope, so each item has
/// its own DbContext.
/// </summary>
/// <param name="Name">What the item is, for the log when it fails ("slack app_mention Ev123").</param>
public sealed record WorkItem(string Name, Func<IServiceProvider, CancellationToken, Task> Run);
