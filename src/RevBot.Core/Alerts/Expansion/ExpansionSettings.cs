namespace RevBot.Core.Alerts;

/// <summary>
/// What makes a customer ready to expand (section <c>Alerts:Expansion</c>): four factors, each adding its weight when
/// present; the default weights add up to 100. Only an account with demand (usage growing toward its plan's limit, or
/// more active users than seats paid for) is scored: health and time since the last expansion make a good moment, not a
/// reason to sell. Accounts scoring at least <see cref="MinScore"/> are alerted.
/// </summary>
public sealed class ExpansionSettings
{
    public int MinScore { get; set; } = 50;

    /// <summary>Usage of the last this-many days is compared with the same number of days before.</summary>
    public int UsageWindowDays { get; set; } = 30;

    /// <summary>Active users or events up at least this much (for a customer since the start of the earlier window: onboarding is not growth)...</summary>
    public int UsageGrowthPercent { get; set; } = 20;

    /// <summary>...and, when the plan sets a usage limit (<see cref="ExpansionPlan.MonthlyEvents"/>), events at least this share of it.</summary>
    public int NearLimitPercent { get; set; } = 80;

    public int UsageWeight { get; set; } = 30;

    /// <summary>The peak of daily active users in the window above the seats paid for by more than this much (0: any user over).</summary>
    public int SeatsOverPercent { get; set; }

    public int SeatsWeight { get; set; } = 30;

    /// <summary>Healthy: at most <see cref="MaxTickets"/> tickets opened in this many days, and an average satisfaction of at least <see cref="GoodSatisfaction"/> over the tickets closed in them (when any was rated).</summary>
    public int HealthDays { get; set; } = 90;

    public int MaxTickets { get; set; } = 2;

    public double GoodSatisfaction { get; set; } = 4.0;

    public int HealthWeight { get; set; } = 20;

    /// <summary>The last expansion (a won expansion deal, or a subscription stepping up from a cheaper one) at least this many days ago; a customer that never expanded counts from its first subscription.</summary>
    public int GapDays { get; set; } = 180;

    public int GapWeight { get; set; } = 20;

    /// <summary>A customer-success user who logged an activity on the account within this many days also gets its alert.</summary>
    public int TeamDays { get; set; } = 90;

    /// <summary>Plans by name (the subscription's product): their usage limit, price per seat and the next plan up.</summary>
    public Dictionary<string, ExpansionPlan> Plans { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    internal IEnumerable<string> Problems(string prefix)
    {
        string?[] problems =
        [
            AlertOptions.Range($"{prefix}:MinScore", MinScore, 1, 100, "a score"),
            AlertOptions.Range($"{prefix}:UsageWindowDays", UsageWindowDays, 1, 365, "a number of days"),
            AlertOptions.Range($"{prefix}:UsageGrowthPercent", UsageGrowthPercent, 1, 1000, "a percentage"),
            AlertOptions.Range($"{prefix}:NearLimitPercent", NearLimitPercent, 1, 100, "a percentage"),
            AlertOptions.Range($"{prefix}:SeatsOverPercent", SeatsOverPercent, 0, 1000, "a percentage"),
            AlertOptions.Range($"{prefix}:HealthDays", HealthDays, 1, 3650, "a number of days"),
            AlertOptions.Range($"{prefix}:MaxTickets", MaxTickets, 0, 1000, "a number of tickets"),
            AlertOptions.Range($"{prefix}:GoodSatisfaction", GoodSatisfaction, 1, 5, "a satisfaction score"),
            AlertOptions.Range($"{prefix}:GapDays", GapDays, 1, 3650, "a number of days"),
            AlertOptions.Range($"{prefix}:TeamDays", TeamDays, 1, 3650, "a number of days"),
        ];
        foreach (var problem in problems.OfType<string>()) yield return problem;
        foreach (var (name, weight) in Weights())
            if (AlertOptions.Range($"{prefix}:{name}", weight, 0, 100, "a weight") is { } bad) yield return bad;
        if (Weights().All(w => w.Weight is >= 0 and <= 100) && Weights().Sum(w => w.Weight) < MinScore)
            yield return $"{prefix}: the weights add up to {Weights().Sum(w => w.Weight)}, below MinScore {MinScore}, so no account could ever be alerted.";
        foreach (var (name, plan) in Plans)
        {
            if (plan.MonthlyEvents is < 1) yield return $"{prefix}:Plans:{name}:MonthlyEvents must be a number of events of 1 or more (got {plan.MonthlyEvents}).";
            if (plan.PricePerSeat is < 0) yield return $"{prefix}:Plans:{name}:PricePerSeat must be an amount of 0 or more (got {plan.PricePerSeat}).";
            if (plan.Next is { } next && !Plans.ContainsKey(next)) yield return $"{prefix}:Plans:{name}:Next names plan '{next}', which is not under {prefix}:Plans.";
        }
    }

    private (string Name, int Weight)[] Weights() =>
        [("UsageWeight", UsageWeight), ("SeatsWeight", SeatsWeight), ("HealthWeight", HealthWeight), ("GapWeight", GapWeight)];
}

/// <summary>One plan (a subscription's product): its usage limit in events per 30 days, its list price per seat per month, and the plan to step up to.</summary>
public sealed class ExpansionPlan
{
    public int? MonthlyEvents { get; set; }

    public decimal? PricePerSeat { get; set; }

    public string? Next { get; set; }
}
