namespace RevBot.Core.Outbox;

/// <summary>
/// How far behind delivery is: <see cref="Pending"/> rows still to send (waiting, retrying or being sent),
/// <see cref="Due"/> of them whose time has come, and how long the oldest due row has waited (zero when none).
/// </summary>
public sealed record OutboxDepth(int Pending, int Due, TimeSpan OldestDueAge);
