namespace RevBot.Core.Alerts;

/// <summary>What an alert is about; spelled "stalled_deal", "churn_risk" and "expansion" outside C# (<see cref="Domain.EnumText"/>).</summary>
public enum AlertKind
{
    StalledDeal,
    ChurnRisk,

    /// <summary>An account ready to expand (Alerts/Expansion): for the account owner and customer success, not a problem.</summary>
    Expansion,
}
