using System.Globalization;

namespace RevBot.Benchmarks;

/// <summary>
/// The five benchmark questions and the best plain SQL we could write for each headline number (UTC company), and for
/// the comparison number the answer shows next to it ("down 0.1 pts from 36.1% in Q3 2026"; null when there is none),
/// over the deals and subscriptions and, where one applies, over the rollup the engine reads as well.
/// </summary>
internal static class HandWrittenSql
{
    public static IEnumerable<(string Question, string Sql, string? Comparison, string? Rollup, string? RollupComparison)> For(DateOnly asOf)
    {
        var quarterStart = new DateOnly(asOf.Year, ((asOf.Month - 1) / 3 * 3) + 1, 1);
        var nextQuarter = quarterStart.AddMonths(3);
        var lastQuarterStart = quarterStart.AddMonths(-3);
        var yearStart = new DateOnly(asOf.Year, 1, 1);
        // Periods in progress are measured to the as-of day and compared like for like (docs/metrics.md, Comparisons).
        var tomorrow = asOf.AddDays(1);
        DateOnly SamePoint(DateOnly previousStart, DateOnly start) => Min(previousStart.AddDays(tomorrow.DayNumber - start.DayNumber), start);
        string D(DateOnly d) => $"'{d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}'";

        string WinRate(DateOnly from, DateOnly to) =>
            $"SELECT count(*) FILTER (WHERE status = 'won'), count(*) FROM deals WHERE status IN ('won','lost') AND closed_at >= {D(from)} AND closed_at < {D(to)}";
        string Bookings(DateOnly from, DateOnly to) =>
            $"SELECT coalesce(a.region, u.region), sum(d.amount), count(*) FROM deals d LEFT JOIN accounts a ON a.id = d.account_id LEFT JOIN users u ON u.id = d.owner_id WHERE d.status = 'won' AND d.closed_at >= {D(from)} AND d.closed_at < {D(to)} GROUP BY 1";
        // The same numbers from the closed-deal rollup (docs/metrics.md), in the company's zone (UTC here).
        string RollupWinRate(DateOnly from, DateOnly to) =>
            $"SELECT sum(deals) FILTER (WHERE status = 'won'), sum(deals) FROM closed_deal_days WHERE time_zone = 'UTC' AND day >= {D(from)} AND day < {D(to)} AND status IN ('won','lost')";
        string RollupBookings(DateOnly from, DateOnly to) =>
            $"SELECT region, sum(amount), sum(deals) FROM closed_deal_days WHERE time_zone = 'UTC' AND day >= {D(from)} AND day < {D(to)} AND status = 'won' GROUP BY 1";
        string RollupNrr(DateOnly start, DateOnly end) =>
            $"SELECT sum(m1) / sum(m0) FROM cohort_window_stats WHERE d0 = {D(start.AddDays(-1))} AND d1 = {D(end)}";
        string RollupArr(DateOnly on) =>
            $"SELECT 12 * sum(mrr), sum(subscriptions) FROM subscription_mrr_days WHERE day <= {D(on)}";
        string Arr(DateOnly on) =>
            $"SELECT 12 * sum(mrr), count(DISTINCT account_id) FROM subscriptions WHERE start_date <= {D(on)} AND (end_date IS NULL OR end_date > {D(on)})";
        string Nrr(DateOnly start, DateOnly end) =>
            $"""
            WITH a0 AS (SELECT account_id, sum(mrr) m FROM subscriptions WHERE start_date <= {D(start.AddDays(-1))} AND (end_date IS NULL OR end_date > {D(start.AddDays(-1))}) GROUP BY 1),
                 a1 AS (SELECT account_id, sum(mrr) m FROM subscriptions WHERE start_date <= {D(end)} AND (end_date IS NULL OR end_date > {D(end)}) GROUP BY 1)
            SELECT sum(coalesce(a1.m, 0)) / sum(a0.m) FROM a0 LEFT JOIN a1 USING (account_id)
            """;

        yield return ("what's our win rate this quarter?", WinRate(quarterStart, tomorrow), WinRate(lastQuarterStart, SamePoint(lastQuarterStart, quarterStart)),
            RollupWinRate(quarterStart, tomorrow), RollupWinRate(lastQuarterStart, SamePoint(lastQuarterStart, quarterStart)));
        yield return ("bookings by region this year", Bookings(yearStart, tomorrow), Bookings(yearStart.AddYears(-1), SamePoint(yearStart.AddYears(-1), yearStart)),
            RollupBookings(yearStart, tomorrow), RollupBookings(yearStart.AddYears(-1), SamePoint(yearStart.AddYears(-1), yearStart)));
        yield return ("what is our ARR?", Arr(asOf), Arr(quarterStart.AddDays(-1)),
            RollupArr(asOf), RollupArr(quarterStart.AddDays(-1)));
        yield return ("NRR last quarter", Nrr(lastQuarterStart, quarterStart.AddDays(-1)), Nrr(lastQuarterStart.AddMonths(-3), lastQuarterStart.AddDays(-1)),
            RollupNrr(lastQuarterStart, quarterStart.AddDays(-1)), RollupNrr(lastQuarterStart.AddMonths(-3), lastQuarterStart.AddDays(-1)));
        yield return ("top 10 open deals",
            "SELECT d.id, d.name, d.amount, a.name, u.name FROM deals d LEFT JOIN accounts a ON a.id = d.account_id LEFT JOIN users u ON u.id = d.owner_id WHERE d.status = 'open' ORDER BY d.amount DESC LIMIT 10",
            null, null, null);
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
