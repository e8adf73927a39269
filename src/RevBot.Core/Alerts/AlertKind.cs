namespace RevBot.Core.Alerts;

/// <summary>What an alert is about; spelled "stalled_deal" and "churn_risk" outside C# (<see cref="Domain.EnumText"/>).</summary>
public enum AlertKind
{
    StalledDeal,
    ChurnRisk,
}
