namespace RevBot.Core.Metrics;

/// <summary>
/// One leg of the ARR bridge, and the metric that sums it: an account is new (nothing active the day before the period),
/// churned (nothing active at its end), or expanded or contracted by the change in its ARR.
/// </summary>
public enum ArrMovement
{
    New,
    Expansion,
    Contraction,
    Churn,
}

/// <summary>The bridge legs' metric ids (new_arr, expansion_arr, contraction_arr, churned_arr), one place for the mapping.</summary>
public static class ArrMovements
{
    private static readonly (ArrMovement Movement, MetricId Metric)[] Legs =
        [(ArrMovement.New, MetricIds.NewArr), (ArrMovement.Expansion, MetricIds.ExpansionArr), (ArrMovement.Contraction, MetricIds.ContractionArr), (ArrMovement.Churn, MetricIds.ChurnedArr)];

    public static MetricId Metric(ArrMovement movement) => Legs.First(l => l.Movement == movement).Metric;

    public static bool TryFromMetric(string? metric, out ArrMovement movement)
    {
        var found = Array.FindIndex(Legs, l => l.Metric.Value == metric);
        movement = found < 0 ? ArrMovement.New : Legs[found].Movement;
        return found >= 0;
    }

    /// <summary>The outer query's condition on an account row c (a0/a1: active on each day, m0/m1: MRR cents then).</summary>
    internal static string Condition(ArrMovement movement) => movement switch
    {
        ArrMovement.New => "c.a0 = 0 AND c.a1 = 1",
        ArrMovement.Expansion => "c.a0 = 1 AND c.a1 = 1 AND c.m1 > c.m0",
        ArrMovement.Contraction => "c.a0 = 1 AND c.a1 = 1 AND c.m1 < c.m0",
        _ => "c.a0 = 1 AND c.a1 = 0",
    };
}
