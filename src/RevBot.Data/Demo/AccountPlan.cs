using RevBot.Core.Domain;

namespace RevBot.Data.Demo;

/// <summary>One account's whole story: its deals and the subscriptions they produced. Rebuilt on demand, never kept.</summary>
internal sealed class AccountPlan(int index, Account account, DemoSegment segment, int region)
{
    public int Index { get; } = index;

    public Account Account { get; } = account;

    public DemoSegment Segment { get; } = segment;

    public int Region { get; } = region;

    public List<DealPlan> Deals { get; } = [];

    public List<Subscription> Subscriptions { get; } = [];

    /// <summary>Usage falls sharply in the last 30 days, urgent tickets are open and a renewal is coming up.</summary>
    public bool AtRisk { get; set; }

    public bool UsageFalling { get; set; }

    /// <summary>Usage grows through the last 30 days until active users pass the seats paid for: an expansion play.</summary>
    public bool ReadyToExpand { get; set; }

    public bool ActiveOn(DateOnly day)
    {
        foreach (var s in Subscriptions)
            if (s.StartDate <= day && (s.EndDate is null || day < s.EndDate)) return true;
        return false;
    }

    public decimal MrrOn(DateOnly day)
    {
        var mrr = 0m;
        foreach (var s in Subscriptions)
            if (s.StartDate <= day && (s.EndDate is null || day < s.EndDate)) mrr += s.Mrr;
        return mrr;
    }

    /// <summary>True when any subscription overlaps [from, to).</summary>
    public bool ActiveBetween(DateOnly from, DateOnly to)
    {
        foreach (var s in Subscriptions)
            if (s.StartDate < to && (s.EndDate is null || s.EndDate > from)) return true;
        return false;
    }

    /// <summary>The customer leaves on <paramref name="day"/>: everything running then ends.</summary>
    public void Churn(DateOnly day)
    {
        foreach (var s in Subscriptions)
            if (s.StartDate < day && (s.EndDate is null || s.EndDate > day)) s.EndDate = day;
    }

    public string MainProduct()
    {
        Subscription? best = null;
        foreach (var s in Subscriptions)
            if (best is null || s.Mrr > best.Mrr) best = s;
        return best?.Product ?? DemoCatalog.Products[0].Name;
    }
}
