using RevBot.Core.Settings;

namespace RevBot.Core.Alerts;

/// <summary>What makes a deal stalled, an account at risk and an account ready to expand. Section <c>Alerts</c>; every value has a default (docs/alerts.md).</summary>
public sealed class AlertOptions : ICheckedOptions
{
    public const string Section = "Alerts";

    public StalledDealSettings Stalled { get; set; } = new();

    public ChurnRiskSettings Churn { get; set; } = new();

    public ExpansionSettings Expansion { get; set; } = new();

    /// <summary>How often the host scans and delivers (the background service).</summary>
    public TimeSpan ScanInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Direct messages decided from this local hour (the recipient's time zone) wait until <see cref="QuietHoursEnd"/>.</summary>
    public TimeOnly QuietHoursStart { get; set; } = new(20, 0);

    public TimeOnly QuietHoursEnd { get; set; } = new(8, 0);

    /// <summary>At most this many alert messages per channel per hour; the rest of a scan becomes one "and 12 more" summary.</summary>
    public int ChannelHourlyCap { get; set; } = 10;

    public int SnoozeDays { get; set; } = 7;

    /// <summary>A grouped direct message lists at most this many deals or accounts, then "and N more".</summary>
    public int MaxPerMessage { get; set; } = 10;

    /// <summary>Every problem, each one sentence naming the setting.</summary>
    public IEnumerable<string> Problems()
    {
        string?[] delivery =
        [
            ScanInterval >= TimeSpan.FromMinutes(1) && ScanInterval <= TimeSpan.FromDays(7)
                ? null : $"{Section}:ScanInterval must be from 00:01:00 to 7.00:00:00 (got {ScanInterval}).",
            Range($"{Section}:ChannelHourlyCap", ChannelHourlyCap, 1, 1000, "a number of messages"),
            Range($"{Section}:SnoozeDays", SnoozeDays, 1, 365, "a number of days"),
            Range($"{Section}:MaxPerMessage", MaxPerMessage, 1, 20, "a number of alerts"),
        ];
        return Stalled.Problems($"{Section}:Stalled").Concat(Churn.Problems($"{Section}:Churn")).Concat(Expansion.Problems($"{Section}:Expansion"))
            .Concat(delivery.OfType<string>());
    }

    /// <summary>One sentence when <paramref name="value"/> is outside [<paramref name="min"/>, <paramref name="max"/>].</summary>
    internal static string? Range(string name, double value, double min, double max, string unit) =>
        value >= min && value <= max ? null : $"{name} must be {unit} from {min} to {max} (got {value}).";
}
