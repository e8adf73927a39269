namespace RevBot.Benchmarks;

/// <summary>Hand-written SQL for the question set over the subscriptions: active on a day is start ≤ day &lt; end.</summary>
internal sealed partial class SetSql
{
    private static string ActiveOn(DateOnly day) => $"start_date <= {D(day)} AND (end_date IS NULL OR end_date > {D(day)})";

    private static string MrrByAccount(DateOnly day) => $"SELECT account_id, sum(mrr) m FROM subscriptions WHERE {ActiveOn(day)} GROUP BY account_id";

    // The cohort: accounts active the day before the period starts; their MRR then (a0) and on its last day (a1).
    private static string Cohort(Span p) =>
        $"WITH a0 AS ({MrrByAccount(p.From.AddDays(-1))}), a1 AS ({MrrByAccount(p.To.AddDays(-1))})";

    public string Arr(DateOnly day) => $"SELECT 12 * sum(mrr), count(*) FROM subscriptions WHERE {ActiveOn(day)}";

    public string ArrByAccountColumn(string column, DateOnly day) =>
        $"SELECT a.{column}, 12 * sum(x.m), sum(x.n) FROM (SELECT account_id, sum(mrr) m, count(*) n FROM subscriptions WHERE {ActiveOn(day)} GROUP BY account_id) x JOIN accounts a ON a.id = x.account_id GROUP BY ROLLUP(a.{column})";

    public string MrrByProduct(DateOnly day) => $"SELECT product, sum(mrr), count(*) FROM subscriptions WHERE {ActiveOn(day)} GROUP BY ROLLUP(product)";

    public string Customers(DateOnly day) => $"SELECT count(DISTINCT account_id) FROM subscriptions WHERE {ActiveOn(day)}";

    // An account's region is its own, else its owner's.
    public string CustomersByRegion(DateOnly day) =>
        $"SELECT coalesce(a.region, u.region), count(*) FROM (SELECT DISTINCT account_id FROM subscriptions WHERE {ActiveOn(day)}) x JOIN accounts a ON a.id = x.account_id LEFT JOIN users u ON u.id = a.owner_id GROUP BY ROLLUP(coalesce(a.region, u.region))";

    public string Nrr(Span p) => $"{Cohort(p)} SELECT sum(coalesce(a1.m, 0)) / sum(a0.m) FROM a0 LEFT JOIN a1 USING (account_id)";

    public string NrrBySegment(Span p) =>
        $"{Cohort(p)} SELECT a.segment, sum(coalesce(a1.m, 0)) / sum(a0.m) FROM a0 LEFT JOIN a1 USING (account_id) JOIN accounts a ON a.id = a0.account_id GROUP BY ROLLUP(a.segment)";

    public string Grr(Span p) => $"{Cohort(p)} SELECT sum(least(coalesce(a1.m, 0), a0.m)) / sum(a0.m) FROM a0 LEFT JOIN a1 USING (account_id)";

    public string LogoChurn(Span p) =>
        $"{Cohort(p)} SELECT count(*) FILTER (WHERE a1.account_id IS NULL)::numeric / count(*) FROM a0 LEFT JOIN a1 USING (account_id)";

    public string NetNewArr(Span p) =>
        $"SELECT 12 * (coalesce(sum(mrr) FILTER (WHERE {ActiveOn(p.To.AddDays(-1))}), 0) - coalesce(sum(mrr) FILTER (WHERE {ActiveOn(p.From.AddDays(-1))}), 0)) FROM subscriptions WHERE start_date <= {D(p.To.AddDays(-1))}";

    public string Expansion(Span p) =>
        $"{Cohort(p)} SELECT 12 * sum(a1.m - a0.m), count(*) FROM a0 JOIN a1 USING (account_id) WHERE a1.m > a0.m";

    public string ExpansionBySegment(Span p) =>
        $"{Cohort(p)} SELECT a.segment, 12 * sum(a1.m - a0.m), count(*) FROM a0 JOIN a1 USING (account_id) JOIN accounts a ON a.id = a0.account_id WHERE a1.m > a0.m GROUP BY ROLLUP(a.segment)";

    // ARR per customer on the day ÷ the logo churn of the accounts active a year before it (gross margin 1).
    public string Ltv(DateOnly day) =>
        $"WITH e AS ({MrrByAccount(day)}), c AS ({MrrByAccount(day.AddYears(-1))}) SELECT (SELECT 12 * sum(m) / count(*) FROM e) / (SELECT count(*) FILTER (WHERE e.account_id IS NULL)::numeric / count(*) FROM c LEFT JOIN e USING (account_id))";

    // An account is new where its first won new-business deal closed.
    public string NewCustomers(Span p) =>
        $"SELECT count(*) FROM (SELECT account_id FROM deals WHERE status = 'won' AND type = 'new' AND account_id IS NOT NULL GROUP BY account_id HAVING min(closed_at) >= {D(p.From)} AND min(closed_at) < {D(p.To)}) x";
}
