using System.Globalization;

namespace RevBot.Benchmarks;

/// <summary>The five benchmark questions and the best plain SQL we could write for each headline number (UTC company).</summary>
internal static class HandWrittenSql
{
    public static IEnumerable<(string Question, string Sql)> For(DateOnly asOf)
    {
        var quarterStart = new DateOnly(asOf.Year, ((asOf.Month - 1) / 3 * 3) + 1, 1);
        var nextQuarter = quarterStart.AddMonths(3);
        var lastQuarterStart = quarterStart.AddMonths(-3);
        var yearStart = new DateOnly(asOf.Year, 1, 1);
        string D(DateOnly d) => $"'{d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}'";

        yield return ("what's our win rate this quarter?",
            $"SELECT count(*) FILTER (WHERE status = 'won'), count(*) FROM deals WHERE status IN ('won','lost') AND closed_at >= {D(quarterStart)} AND closed_at < {D(nextQuarter)}");
        yield return ("bookings by region this year",
            $"SELECT coalesce(a.region, u.region), sum(d.amount), count(*) FROM deals d LEFT JOIN accounts a ON a.id = d.account_id LEFT JOIN users u ON u.id = d.owner_id WHERE d.status = 'won' AND d.closed_at >= {D(yearStart)} AND d.closed_at < {D(yearStart.AddYears(1))} GROUP BY 1");
        yield return ("what is our ARR?",
            $"SELECT 12 * sum(mrr), count(DISTINCT account_id) FROM subscriptions WHERE start_date <= {D(asOf)} AND (end_date IS NULL OR end_date > {D(asOf)})");
        yield return ("NRR last quarter",
            $"""
            WITH a0 AS (SELECT account_id, sum(mrr) m FROM subscriptions WHERE start_date <= {D(lastQuarterStart.AddDays(-1))} AND (end_date IS NULL OR end_date > {D(lastQuarterStart.AddDays(-1))}) GROUP BY 1),
                 a1 AS (SELECT account_id, sum(mrr) m FROM subscriptions WHERE start_date <= {D(quarterStart.AddDays(-1))} AND (end_date IS NULL OR end_date > {D(quarterStart.AddDays(-1))}) GROUP BY 1)
            SELECT sum(coalesce(a1.m, 0)) / sum(a0.m) FROM a0 LEFT JOIN a1 USING (account_id)
            """);
        yield return ("top 10 open deals",
            "SELECT d.id, d.name, d.amount, a.name, u.name FROM deals d LEFT JOIN accounts a ON a.id = d.account_id LEFT JOIN users u ON u.id = d.owner_id WHERE d.status = 'open' ORDER BY d.amount DESC LIMIT 10");
    }
}
