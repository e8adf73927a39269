namespace RevBot.Core.Alerts;

/// <summary>
/// The churn-risk factors, their thresholds and their weights (section <c>Alerts:Churn</c>). An account's score is the
/// sum of the weights of the factors it shows (usage scaled by how far it fell), capped at 100; the default weights
/// add up to 100. Accounts scoring at least <see cref="MinScore"/> are alerted.
/// </summary>
public sealed class ChurnRiskSettings
{
    public int MinScore { get; set; } = 40;

    /// <summary>Usage of the last this-many days is compared with the same number of days before.</summary>
    public int UsageWindowDays { get; set; } = 30;

    /// <summary>Active users or events down at least this much; half the weight at the threshold, all of it at twice the threshold.</summary>
    public int UsageDropPercent { get; set; } = 30;

    public int UsageWeight { get; set; } = 30;

    /// <summary>Open urgent or high-priority tickets that make the support factor count.</summary>
    public int OpenTickets { get; set; } = 1;

    /// <summary>An average satisfaction (1-5) at or below this, over tickets closed in <see cref="SatisfactionDays"/>, also counts.</summary>
    public double LowSatisfaction { get; set; } = 2.5;

    public int SatisfactionDays { get; set; } = 90;

    public int SupportWeight { get; set; } = 20;

    /// <summary>A subscription ending or an open renewal deal closing within this many days...</summary>
    public int RenewalWithinDays { get; set; } = 90;

    /// <summary>...with no open renewal deal that changed stage or had an activity in this many days.</summary>
    public int RenewalMovingDays { get; set; } = 14;

    public int RenewalWeight { get; set; } = 25;

    /// <summary>MRR down at least this much over <see cref="ContractionDays"/> (the account still a customer).</summary>
    public int ContractionPercent { get; set; } = 10;

    public int ContractionDays { get; set; } = 90;

    public int ContractionWeight { get; set; } = 15;

    /// <summary>No activity logged on the account or its deals in this many days.</summary>
    public int QuietDays { get; set; } = 30;

    public int QuietWeight { get; set; } = 10;

    /// <summary>A customer-success user who logged an activity on the account within this many days also gets its alert.</summary>
    public int TeamDays { get; set; } = 90;

    internal IEnumerable<string> Problems(string prefix)
    {
        string?[] problems =
        [
            AlertOptions.Range($"{prefix}:MinScore", MinScore, 1, 100, "a score"),
            AlertOptions.Range($"{prefix}:UsageWindowDays", UsageWindowDays, 1, 365, "a number of days"),
            AlertOptions.Range($"{prefix}:UsageDropPercent", UsageDropPercent, 1, 100, "a percentage"),
            AlertOptions.Range($"{prefix}:OpenTickets", OpenTickets, 1, 1000, "a number of tickets"),
            AlertOptions.Range($"{prefix}:LowSatisfaction", LowSatisfaction, 1, 5, "a satisfaction score"),
            AlertOptions.Range($"{prefix}:SatisfactionDays", SatisfactionDays, 1, 3650, "a number of days"),
            AlertOptions.Range($"{prefix}:RenewalWithinDays", RenewalWithinDays, 1, 3650, "a number of days"),
            AlertOptions.Range($"{prefix}:RenewalMovingDays", RenewalMovingDays, 1, 3650, "a number of days"),
            AlertOptions.Range($"{prefix}:ContractionPercent", ContractionPercent, 1, 100, "a percentage"),
            AlertOptions.Range($"{prefix}:ContractionDays", ContractionDays, 1, 3650, "a number of days"),
            AlertOptions.Range($"{prefix}:QuietDays", QuietDays, 1, 3650, "a number of days"),
            AlertOptions.Range($"{prefix}:TeamDays", TeamDays, 1, 3650, "a number of days"),
        ];
        foreach (var problem in problems.OfType<string>()) yield return problem;
        foreach (var (name, weight) in Weights())
            if (AlertOptions.Range($"{prefix}:{name}", weight, 0, 100, "a weight") is { } bad) yield return bad;
        if (Weights().All(w => w.Weight is >= 0 and <= 100) && Weights().Sum(w => w.Weight) < MinScore)
            yield return $"{prefix}: the weights add up to {Weights().Sum(w => w.Weight)}, below MinScore {MinScore}, so no account could ever be alerted.";
    }

    private (string Name, int Weight)[] Weights() =>
        [("UsageWeight", UsageWeight), ("SupportWeight", SupportWeight), ("RenewalWeight", RenewalWeight), ("ContractionWeight", ContractionWeight), ("QuietWeight", QuietWeight)];
}
