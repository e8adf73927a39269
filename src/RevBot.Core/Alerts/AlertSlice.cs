using RevBot.Core.Domain;
using RevBot.Core.Metrics;

namespace RevBot.Core.Alerts;

/// <summary>
/// Which found deals or accounts fall in a slice (a digest's filters, a question's "mine" or "in EMEA"): region is the
/// account's, else its owner's, as the metric engine reads it; owner is the owner's e-mail.
/// </summary>
public static class AlertSlice
{
    /// <summary>The filters a slice can apply; any other is refused, not dropped.</summary>
    public static IReadOnlySet<Dimension> Supported { get; } = new HashSet<Dimension> { Dimension.Owner, Dimension.Team, Dimension.Region, Dimension.Segment };

    public static IQueryable<Deal> Deals(IQueryable<Deal> deals, IReadOnlyDictionary<Dimension, string> filters)
    {
        ArgumentNullException.ThrowIfNull(filters);
        if (filters.TryGetValue(Dimension.Owner, out var owner)) deals = deals.Where(d => d.Owner!.Email == owner);
        if (filters.TryGetValue(Dimension.Region, out var region)) deals = deals.Where(d => (d.Account!.Region ?? d.Owner!.Region) == region);
        if (filters.TryGetValue(Dimension.Segment, out var segment)) deals = deals.Where(d => d.Account!.Segment == segment);
        if (filters.TryGetValue(Dimension.Team, out var team)) deals = deals.Where(d => d.Owner!.Team == team);
        return deals;
    }

    public static IQueryable<Account> Accounts(IQueryable<Account> accounts, IReadOnlyDictionary<Dimension, string> filters)
    {
        ArgumentNullException.ThrowIfNull(filters);
        if (filters.TryGetValue(Dimension.Owner, out var owner)) accounts = accounts.Where(a => a.Owner!.Email == owner);
        if (filters.TryGetValue(Dimension.Region, out var region)) accounts = accounts.Where(a => (a.Region ?? a.Owner!.Region) == region);
        if (filters.TryGetValue(Dimension.Segment, out var segment)) accounts = accounts.Where(a => a.Segment == segment);
        if (filters.TryGetValue(Dimension.Team, out var team)) accounts = accounts.Where(a => a.Owner!.Team == team);
        return accounts;
    }
}
