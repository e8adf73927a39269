using RevBot.Testing.Datasets;
using Deal = RevBot.Testing.Datasets.MavenCrm.Opportunity;

namespace RevBot.IntegrationTests.Datasets;

/// <summary>
/// Maven's deal metrics computed with LINQ over the published rows: a won deal is a booking at its close value on its
/// close date, a deal's region is its agent's regional office (accounts have none), its team the agent's manager.
/// </summary>
public sealed class MavenReference(MavenCrm data) : IReference
{
    private readonly Dictionary<string, MavenCrm.Agent> _agents = data.Agents.ToDictionary(a => a.Name, StringComparer.Ordinal);
    private readonly Dictionary<string, MavenCrm.Account> _accounts = data.Accounts.ToDictionary(a => a.Name, StringComparer.Ordinal);

    public string? Key(Deal d, string dimension) => dimension switch
    {
        "owner" => _agents[d.Agent].Email,
        "team" => _agents[d.Agent].Manager,
        "region" => _agents[d.Agent].Office,
        "product" => d.Product,
        "industry" => d.Account is { } a ? _accounts[a].Sector : null,
        "account" => d.Account is { } b ? MavenCrm.Slug(b) : null,
        "type" => "new",
        _ => throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "not a Maven dimension"),
    };

    public Expected Evaluate(string metric, DateOnly from, DateOnly to, IReadOnlyDictionary<string, string> filters, string? groupBy, DateOnly asOf)
    {
        var deals = data.Deals.Where(d => filters.All(f => Key(d, f.Key) == f.Value)).ToList();
        var total = Compute(metric, from, to, deals);
        if (groupBy is null) return total;
        var rows = Scope(metric, from, to, deals).GroupBy(d => Key(d, groupBy) ?? "")
            .ToDictionary(g => g.Key, g => Compute(metric, from, to, deals.Where(d => (Key(d, groupBy) ?? "") == g.Key).ToList()).Value);
        return total with { Rows = rows };
    }

    private static bool In(DateOnly? day, DateOnly from, DateOnly to) => day is { } d && d >= from && d <= to;

    /// <summary>The deals a metric reads: those closed in the period, open now, or created in it.</summary>
    private IEnumerable<Deal> Scope(string metric, DateOnly from, DateOnly to, IEnumerable<Deal> deals) => metric switch
    {
        "pipeline" => deals.Where(d => d.Open && (from == DateOnly.MinValue || In(d.Closed, from, to))),
        "pipeline_created" => deals.Where(d => In(d.Engaged, from, to)),
        "new_customers" => deals.Where(d => d.Won && d.Account is not null && In(d.Closed, from, to) && IsFirstWin(d)),
        _ => deals.Where(d => !d.Open && In(d.Closed, from, to)),
    };

    /// <summary>Each account's first won deal: the earliest close, and of the same day the smallest id (docs/metrics.md).</summary>
    private readonly HashSet<string> _firstWins = [.. data.Deals.Where(d => d.Won && d.Account is not null).GroupBy(d => d.Account)
        .Select(g => g.OrderBy(d => d.Closed).ThenBy(d => d.Id, StringComparer.Ordinal).First().Id)];

    private bool IsFirstWin(Deal d) => _firstWins.Contains(d.Id);

    private Expected Compute(string metric, DateOnly from, DateOnly to, List<Deal> deals)
    {
        var scope = Scope(metric, from, to, deals).ToList();
        var won = scope.Where(d => d.Won).ToList();
        var lost = scope.Where(d => d.Lost).ToList();
        decimal wonAmount = won.Sum(d => d.CloseValue!.Value), lostAmount = lost.Sum(d => d.CloseValue!.Value);
        switch (metric)
        {
            case "win_rate": return new(Expected.Ratio(won.Count, won.Count + lost.Count), won.Count, won.Count + lost.Count);
            case "win_rate_value": return new(Expected.Ratio(wonAmount, wonAmount + lostAmount), wonAmount, wonAmount + lostAmount);
            case "bookings": return new(wonAmount, won.Count);
            case "deals_won": return new(won.Count);
            case "deals_lost": return new(lost.Count);
            case "avg_deal_size": return new(Expected.Ratio(wonAmount, won.Count), wonAmount, won.Count);
            case "avg_sales_cycle_days":
                var cycles = won.Where(d => d.Engaged is not null).Select(d => (decimal)(d.Closed!.Value.DayNumber - d.Engaged!.Value.DayNumber)).ToList();
                return new(Expected.Ratio(cycles.Sum(), cycles.Count), cycles.Sum(), cycles.Count);
            case "pipeline":
            case "pipeline_created":
                return new(scope.Sum(data.Amount), scope.Count);
            case "new_customers": return new(scope.Select(d => d.Account).Distinct().Count());
            default: throw new ArgumentOutOfRangeException(nameof(metric), metric, "no reference computation");
        }
    }
}
