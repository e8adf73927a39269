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
    /// <summary>Ending − starting: net new ARR.</summary>
    public decimal NetNew => Ending - Starting;

    /// <summary>True when the parts add up to the ending ARR (always, by construction; tests hold it to that).</summary>
    public bool Reconciles => Starting + New + Expansion - Contraction - Churn == Ending;
}
