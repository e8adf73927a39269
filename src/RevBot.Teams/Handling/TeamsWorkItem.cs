namespace RevBot.Teams.Handling;

/// <summary>One piece of background work; <see cref="Run"/> gets a service provider from its own DI scope.</summary>
public sealed record TeamsWorkItem(string Description, Func<IServiceProvider, CancellationToken, Task> Run);
