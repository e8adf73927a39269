namespace RevBot.Sources.Sync;

/// <summary>What to sync: everything again (<see cref="Full"/>) or what changed since the cursors; for real or only counted (<see cref="DryRun"/>).</summary>
public sealed record SyncRequest(bool Full = false, bool DryRun = false);
