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

    /// <summary>How long the background sync waits between incremental syncs of this system.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The section's path, for problems: "Sources:Hubspot".</summary>
    protected abstract string Section { get; }

    public IEnumerable<string> Problems()
    {
        if (Interval < TimeSpan.FromMinutes(1)) yield return $"{Section}:Interval must be at least one minute (it is {Interval}).";
        if (!Enabled) yield break;
        foreach (var problem in SystemProblems()) yield return problem;
    }

    /// <summary>The system's own problems (credentials, URLs), checked only when it is enabled.</summary>
    protected abstract IEnumerable<string> SystemProblems();
}
