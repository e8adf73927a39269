namespace RevBot.Core.Conversation;

/// <summary>What a list question ranks: deals (top 10 open deals), groups of a dimension (top 5 reps by bookings), or the alerts engine's findings.</summary>
public enum ListSubject
{
    Deals,
    Groups,

    /// <summary>"which deals are stalled?": the alerts engine's stalled-deal findings, as of the question's day.</summary>
    StalledDeals,

    /// <summary>"accounts at risk of churning": the alerts engine's churn-risk findings, highest score first.</summary>
    ChurnRisk,

    /// <summary>"which accounts are ready to expand?": the alerts engine's expansion findings, highest score first.</summary>
    Expansion,

    /// <summary>"customers who churned last quarter": the accounts behind one leg of the ARR bridge (<see cref="ParsedQuestion.Metric"/> names the leg).</summary>
    BridgeAccounts,
}
