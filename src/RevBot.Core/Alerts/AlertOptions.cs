namespace RevBot.Core.Alerts;

/// <summary>What makes a deal stalled and an account at risk. Section <c>Alerts</c>; every value has a default (docs/alerts.md).</summary>
public sealed class AlertOptions
{
    public const string Section = "Alerts";

    public StalledDealSettings Stalled { get; set; } = new();

    public ChurnRiskSettings Churn { get; set; } = new();

    /// <summary>Every problem, each one sentence naming the setting.</summary>
    public IEnumerable<string> Problems() => Stalled.Problems($"{Section}:Stalled").Concat(Churn.Problems($"{Section}:Churn"));

    /// <summary>One sentence when <paramref name="value"/> is outside [<paramref name="min"/>, <paramref name="max"/>].</summary>
    internal static string? Range(string name, double value, double min, double max, string unit) =>
        value >= min && value <= max ? null : $"{name} must be {unit} from {min} to {max} (got {value}).";
}
