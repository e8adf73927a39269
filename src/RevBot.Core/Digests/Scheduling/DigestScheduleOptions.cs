using RevBot.Core.Settings;

namespace RevBot.Core.Digests.Scheduling;

/// <summary>The digest scheduler. Section <c>Digests</c>; every value has a default (docs/configuration.md).</summary>
public sealed class DigestScheduleOptions : ICheckedOptions
{
    public const string Section = "Digests";

    /// <summary>False: no scheduled digest is posted by this instance (commands still store schedules).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the scheduler looks for due slots. A slot is posted within this much of its time.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How many digests of one tick are built at the same time (each on its own connection).</summary>
    public int Parallelism { get; set; } = 2;

    /// <summary>How long the chart images of a posted digest stay reachable (Teams loads them by URL).</summary>
    public TimeSpan ImageLifetime { get; set; } = TimeSpan.FromDays(30);

    public IEnumerable<string> Problems()
    {
        if (Interval < TimeSpan.FromSeconds(5) || Interval > TimeSpan.FromHours(1))
            yield return $"{Section}:Interval must be between 00:00:05 and 01:00:00 (it is {Interval}).";
        if (Parallelism is < 1 or > 32)
            yield return $"{Section}:Parallelism must be between 1 and 32 (it is {Parallelism}).";
        if (ImageLifetime < TimeSpan.FromHours(1) || ImageLifetime > TimeSpan.FromDays(365))
            yield return $"{Section}:ImageLifetime must be between 01:00:00 and 365.00:00:00 (it is {ImageLifetime}).";
    }
}
