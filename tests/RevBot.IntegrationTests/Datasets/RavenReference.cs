using RevBot.Testing.Datasets;
using Sub = RevBot.Testing.Datasets.RavenStack.Subscription;

namespace RevBot.IntegrationTests.Datasets;

/// <summary>
/// RavenStack's recurring-revenue metrics computed with LINQ over the published subscriptions (the paid ones that last a
/// day or more: docs/datasets.md). Active on day D: start ≤ D &lt; end. Cohort metrics follow accounts.
/// </summary>
public sealed class RavenReference(RavenStack data) : IReference
{
    private readonly Dictionary<string, RavenStack.Account> _accounts = data.Accounts.ToDictionary(a => a.Id, StringComparer.Ordinal);
    private readonly List<Sub> _paid = [.. data.Subscriptions.Where(s => s.Imported)];

    public string Key(Sub s, string dimension) => dimension switch
    {
        "region" => _accounts[s.AccountId].Region,
        "industry" => _accounts[s.AccountId].Industry,
        "product" => s.Plan,
        "account" => s.AccountId,
        _ => throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "not a RavenStack dimension"),
    };

    public Expected Evaluate(string metric, DateOnly from, DateOnly to, IReadOnlyDictionary<string, string> filters, string? groupBy, DateOnly asOf)
    {
        var subs = _paid.Where(s => filters.All(f => Key(s, f.Key) == f.Value)).ToList();
        var end = to < asOf ? to : asOf;
        var total = Compute(metric, from, end, subs);
        if (groupBy is null) return total;
        var rows = subs.Where(s => s.Start <= end && (s.End is null || s.End > from.AddDays(-1))).GroupBy(s => Key(s, groupBy))
            .ToDictionary(g => g.Key, g => Compute(metric, from, end, [.. g]).Value);
        return total with { Rows = rows };
    }

    private static Expected Compute(string metric, DateOnly from, DateOnly end, List<Sub> subs)
    {
        var active = subs.Where(s => s.ActiveOn(end)).ToList();
        var mrr = active.Sum(s => s.Mrr);
        switch (metric)
        {
            case "arr": return new(12 * mrr, active.Count);
            case "mrr": return new(mrr, active.Count);
            case "customers": return new(active.Select(s => s.AccountId).Distinct().Count());
            case "net_new_arr": return new(12 * (mrr - subs.Where(s => s.ActiveOn(from.AddDays(-1))).Sum(s => s.Mrr)));
        }
        // The cohort: accounts active the day before the period starts, with their MRR then and at its end.
        var d0 = from.AddDays(-1);
        var cohort = subs.GroupBy(s => s.AccountId)
            .Select(g => (Active0: g.Any(s => s.ActiveOn(d0)), M0: g.Where(s => s.ActiveOn(d0)).Sum(s => s.Mrr), Active1: g.Any(s => s.ActiveOn(end)), M1: g.Where(s => s.ActiveOn(end)).Sum(s => s.Mrr)))
            .Where(c => c.Active0).ToList();
        decimal a0 = cohort.Sum(c => c.M0), a1 = cohort.Sum(c => c.M1), kept = cohort.Sum(c => Math.Min(c.M0, c.M1));
        int churned = cohort.Count(c => !c.Active1);
        return metric switch
        {
            "nrr" => new(Expected.Ratio(a1, a0), 12 * a1, 12 * a0),
            "grr" => new(Expected.Ratio(kept, a0), 12 * kept, 12 * a0),
            "revenue_churn_rate" => new(a0 == 0 ? null : 1 - kept / a0, 12 * (a0 - kept), 12 * a0),
            "logo_churn_rate" => new(Expected.Ratio(churned, cohort.Count), churned, cohort.Count),
            _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "no reference computation"),
        };
    }

    /// <summary>Accounts whose first paid subscription started in the period: new customers of a company without deals.</summary>
    public int NewCustomers(DateOnly from, DateOnly to) =>
        _paid.GroupBy(s => s.AccountId).Count(g => g.Min(s => s.Start) is var first && first >= from && first <= to);
}
