namespace RevBot.Core.Metrics;

/// <summary>
/// The accounts behind one leg of the ARR bridge ("customers who churned last quarter"): <see cref="Total"/> accounts
/// moved that way, their ARR changed by <see cref="Change"/> in all (negative for contraction and churn), and
/// <see cref="Accounts"/> are the first of them, largest change first.
/// </summary>
public sealed record ArrBridgeAccounts(ArrMovement Movement, DateOnly StartDay, DateOnly EndDay, long Total, decimal Change, IReadOnlyList<ArrBridgeAccount> Accounts);

/// <summary>One account's ARR the day before the period (<see cref="Before"/>) and at its end (<see cref="After"/>).</summary>
public sealed record ArrBridgeAccount(string Id, string Name, string? Owner, decimal Before, decimal After)
{
    public decimal Change => After - Before;
}
