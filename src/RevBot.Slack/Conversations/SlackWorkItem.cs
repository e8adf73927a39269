namespace RevBot.Slack.Conversations;

/// <summary>
/// Work left over after an ack: answering takes longer than Slack's 3 seconds. <see cref="Run"/> gets a fresh DI scope,
/// so each item has its own DbContext.
/// </summary>
/// <param name="Name">What the item is, for the log when it fails ("app_mention Ev123").</param>
internal sealed record SlackWorkItem(string Name, Func<IServiceProvider, CancellationToken, Task> Run);
