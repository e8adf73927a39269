using RevBot.Core.Settings;

namespace RevBot.Sources.Sync;

/// <summary>
/// What every system's section (<c>Sources:Hubspot</c>, <c>Sources:Salesforce</c>, <c>Sources:Stripe</c>) has: whether
/// it is synced, and how often the background sync runs. Each system's options add its credentials and mapping.
/// </summary>
public abstract class SourceOptions : ICheckedOptions
{
    public const string Parent = "Sources";

    /// <summary>False (the default): the system is not synced, its webhooks are refused and deals from it are not written back.</summary>
    public bool Enabled { get; set; }

    /// <summary>
    /// False: no background sync of this system on this host; only <c>revbot sync</c> (from a scheduler of your own) and
    /// webhooks sync it. Write-back is not affected.
    /// </summary>
    public bool Background { get; set; } = true;

    /// <summary>How long the background sync waits between incremental syncs of this system.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// How old the last successful sync may be before <c>/readyz</c> reports the system stale (not ready); unset: three
    /// intervals, so one failed or slow run is tolerated and two in a row are not.
    /// </summary>
    public TimeSpan? MaxSyncAge { get; set; }

    /// <summary><see cref="MaxSyncAge"/>, or three intervals when it is not set.</summary>
    public TimeSpan EffectiveMaxSyncAge => MaxSyncAge ?? 3 * Interval;

    /// <summary>The section's path, for problems: "Sources:Hubspot".</summary>
    protected abstract string Section { get; }

    public IEnumerable<string> Problems()
    {
        if (Interval < TimeSpan.FromMinutes(1)) yield return $"{Section}:Interval must be at least one minute (it is {Interval}).";
        if (MaxSyncAge is { } max && max <= Interval) yield return $"{Section}:MaxSyncAge must be longer than {Section}:Interval ({Interval}), or every sync would be late (it is {max}).";
        if (!Enabled) yield break;
        foreach (var problem in SystemProblems()) yield return problem;
    }

    /// <summary>The system's own problems (credentials, URLs), checked only when it is enabled.</summary>
    protected abstract IEnumerable<string> SystemProblems();
}
