using RevBot.Core.Domain;

namespace RevBot.Sources.Sync;

/// <summary>
/// The part of a system's section (<c>Sources:Hubspot</c>…) the sync's operation reads without knowing the vendor's
/// own options: whether it is synced, how often, how stale it may get. The vendor's options class binds the same keys.
/// </summary>
public sealed class SourceSchedule(SourceSystem system) : SourceOptions
{
    public SourceSystem System => system;

    protected override string Section => $"{Parent}:{system}";

    // The vendor's own options check its credentials; this class only reads the schedule.
    protected override IEnumerable<string> SystemProblems() => [];
}
