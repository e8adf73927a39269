namespace RevBot.Core.Metrics;

/// <summary>
/// How ARR moved from the day before a period to its end, account by account: <see cref="Starting"/> + <see cref="New"/>
/// + <see cref="Expansion"/> − <see cref="Contraction"/> − <see cref="Churn"/> = <see cref="Ending"/>, exactly (the
/// database adds whole cents). An account with nothing active on the first day is new (a returning customer too); one
/// with nothing active on the last day churned; the others expanded or contracted by the change in their ARR.
/// </summary>
public sealed record ArrBridge(
    DateOnly StartDay,
    DateOnly EndDay,
    decimal Starting,
    decimal New,
    decimal Expansion,
    decimal Contraction,
    decimal Churn,
    decimal Ending,
    long NewAccounts,
    long ChurnedAccounts)
{
    /// <summary>Accounts active on both days whose ARR went up.</summary>
    public long ExpandedAccounts { get; init; }

    /// <summary>Accounts active on both days whose ARR went down.</summary>
    public long ContractedAccounts { get; init; }

    /// <summary>Ending − starting: net new ARR.</summary>
    public decimal NetNew => Ending - Starting;

    /// <summary>True when the parts add up to the ending ARR (always, by construction; tests hold it to that).</summary>
    public bool Reconciles => Starting + New + Expansion - Contraction - Churn == Ending;

    /// <summary>One leg's ARR and how many accounts moved that way.</summary>
    public (decimal Arr, long Accounts) Leg(ArrMovement movement) => movement switch
    {
        ArrMovement.New => (New, NewAccounts),
        ArrMovement.Expansion => (Expansion, ExpandedAccounts),
        ArrMovement.Contraction => (Contraction, ContractedAccounts),
        _ => (Churn, ChurnedAccounts),
    };
}
