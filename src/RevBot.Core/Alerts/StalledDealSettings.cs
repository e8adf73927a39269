namespace RevBot.Core.Alerts;

/// <summary>The stalled-pipeline rules (section <c>Alerts:Stalled</c>). Day counts are whole days.</summary>
public sealed class StalledDealSettings
{
    /// <summary>A stage's norm is this percentile of the days deals spent in it before leaving it.</summary>
    public int StageNormPercentile { get; set; } = 75;

    /// <summary>Only deals that left the stage within this many days count towards its norm.</summary>
    public int StageNormLookbackDays { get; set; } = 365;

    /// <summary>The norm is never below this, so a fast-moving stage does not flag every deal that pauses for a week.</summary>
    public int StageNormFloorDays { get; set; } = 14;

    public int NoActivityDays { get; set; } = 14;

    /// <summary>Flag a deal whose close date was moved later this many times or more.</summary>
    public int CloseDatePushes { get; set; } = 3;

    public int AmountCutPercent { get; set; } = 25;

    public int AmountCutWindowDays { get; set; } = 30;

    internal IEnumerable<string> Problems(string prefix)
    {
        string?[] problems =
        [
            AlertOptions.Range($"{prefix}:StageNormPercentile", StageNormPercentile, 1, 99, "a percentile"),
            AlertOptions.Range($"{prefix}:StageNormLookbackDays", StageNormLookbackDays, 7, 3650, "a number of days"),
            AlertOptions.Range($"{prefix}:StageNormFloorDays", StageNormFloorDays, 0, 3650, "a number of days"),
            AlertOptions.Range($"{prefix}:NoActivityDays", NoActivityDays, 1, 3650, "a number of days"),
            AlertOptions.Range($"{prefix}:CloseDatePushes", CloseDatePushes, 1, 100, "a number of pushes"),
            AlertOptions.Range($"{prefix}:AmountCutPercent", AmountCutPercent, 1, 100, "a percentage"),
            AlertOptions.Range($"{prefix}:AmountCutWindowDays", AmountCutWindowDays, 1, 3650, "a number of days"),
        ];
        return problems.OfType<string>();
    }
}
