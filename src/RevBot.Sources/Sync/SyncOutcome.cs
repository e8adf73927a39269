using RevBot.Core.Sources;

namespace RevBot.Sources.Sync;

/// <summary>The run recorded (null when another instance was already syncing the system: nothing was done).</summary>
public sealed record SyncOutcome(SyncRun? Run)
{
    public bool Busy => Run is null;

    public bool Succeeded => Run is { FinishedAt: not null, Error: null };
}
