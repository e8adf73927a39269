using RevBot.Core.Settings;

namespace RevBot.Core.Watches;

/// <summary>Watches. Section <c>Watches</c>; every value has a default (docs/configuration.md).</summary>
public sealed class WatchOptions : ICheckedOptions
{
    public const string Section = "Watches";

    /// <summary>False: this instance checks no watch (the commands still store them).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the evaluator looks for due watches (and for a sync or an alert scan newer than a watch's last check).</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Each watch is checked at least this often, sync or not.</summary>
    public TimeSpan CheckEvery { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How far back past the line (a fraction of the threshold) a fired watch's value must go before it can fire again:
    /// 0.05 re-arms "below 3×" at 3.15× and "above $1M" at $950K, so a value wobbling on the line does not repeat itself.
    /// </summary>
    public decimal Hysteresis { get; set; } = 0.05m;

    /// <summary>After a failed check, try again this much later.</summary>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Live watches one person may have.</summary>
    public int MaxPerUser { get; set; } = 50;

    public IEnumerable<string> Problems()
    {
        if (Interval < TimeSpan.FromSeconds(5) || Interval > TimeSpan.FromHours(1))
            yield return $"{Section}:Interval must be between 00:00:05 and 01:00:00 (it is {Interval}).";
        if (CheckEvery < TimeSpan.FromMinutes(1) || CheckEvery > TimeSpan.FromDays(7))
            yield return $"{Section}:CheckEvery must be between 00:01:00 and 7.00:00:00 (it is {CheckEvery}).";
        if (Hysteresis is < 0 or > 0.5m)
            yield return $"{Section}:Hysteresis must be between 0 and 0.5 (it is {Hysteresis}).";
        if (RetryAfter < TimeSpan.FromSeconds(5) || RetryAfter > TimeSpan.FromDays(1))
            yield return $"{Section}:RetryAfter must be between 00:00:05 and 1.00:00:00 (it is {RetryAfter}).";
        if (MaxPerUser is < 1 or > 1000)
            yield return $"{Section}:MaxPerUser must be between 1 and 1000 (it is {MaxPerUser}).";
    }
}
