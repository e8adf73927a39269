namespace RevBot.Core.Metrics;

/// <summary>
/// The accounts active on the cohort's start day and what became of them by its end day: their MRR then
/// (<see cref="StartMrr"/>), at the end (<see cref="EndMrr"/>), the sum of the smaller of the two per account
/// (<see cref="KeptMrr"/>), and how many have no active subscription at the end (<see cref="Churned"/>).
/// </summary>
internal sealed record CohortStats(long Accounts, decimal StartMrr, decimal EndMrr, decimal KeptMrr, long Churned)
{
    public static CohortStats Empty { get; } = new(0, 0m, 0m, 0m, 0);

    public static CohortStats operator +(CohortStats a, CohortStats b) =>
        new(a.Accounts + b.Accounts, a.StartMrr + b.StartMrr, a.EndMrr + b.EndMrr, a.KeptMrr + b.KeptMrr, a.Churned + b.Churned);

    public static CohortStats Add(CohortStats a, CohortStats b) => a + b;
}
