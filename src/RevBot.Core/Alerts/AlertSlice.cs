using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Query;
using RevBot.Core.Domain;
using RevBot.Core.Metrics;

namespace RevBot.Core.Alerts;

/// <summary>
/// Which found deals or accounts fall in a slice (a digest's filters, a question's "mine", "in EMEA", "excluding West",
/// "over 50k"): region is the account's, else its owner's, as the metric engine reads it; owner is the owner's e-mail.
/// Value sets follow the metric engine (<see cref="Metrics.Sql.SqlFilters"/>): an exclusion keeps the rows with no value.
/// Everything is applied in the database query.
/// </summary>
public static class AlertSlice
{
    /// <summary>The filters a slice of accounts can apply; any other is refused, not dropped.</summary>
    public static IReadOnlySet<Dimension> Supported { get; } = new HashSet<Dimension> { Dimension.Owner, Dimension.Team, Dimension.Region, Dimension.Segment };

    /// <summary>Deals also take their own product and deal type.</summary>
    public static IReadOnlySet<Dimension> SupportedForDeals { get; } = new HashSet<Dimension>(Supported) { Dimension.Product, Dimension.Type };

    public static IQueryable<Deal> Deals(IQueryable<Deal> deals, IReadOnlyDictionary<Dimension, string> filters) => Deals(deals, filters, QueryConditions.None);

    public static IQueryable<Deal> Deals(IQueryable<Deal> deals, IReadOnlyDictionary<Dimension, string> filters, QueryConditions conditions)
    {
        ArgumentNullException.ThrowIfNull(filters);
        ArgumentNullException.ThrowIfNull(conditions);
        foreach (var (dim, value) in filters.OrderBy(f => f.Key))
            deals = dim == Dimension.Type ? Types(deals, [value], exclude: false) : Matching(deals, DealKey(dim), [value], exclude: false);
        foreach (var (dim, set) in conditions.Sets.OrderBy(f => f.Key))
            deals = dim == Dimension.Type ? Types(deals, set.Values, set.Exclude) : Matching(deals, DealKey(dim), set.Values, set.Exclude);
        if (conditions.Amount is { } amount)
        {
            // The same bounds as the metric engine's deal amount range (AmountRange: "over" is strict, "between" inclusive).
            if (amount.Min is { } min) deals = amount.MinInclusive ? deals.Where(d => d.Amount >= min) : deals.Where(d => d.Amount > min);
            if (amount.Max is { } max) deals = amount.MaxInclusive ? deals.Where(d => d.Amount <= max) : deals.Where(d => d.Amount < max);
        }
        return deals;
    }

    public static IQueryable<Account> Accounts(IQueryable<Account> accounts, IReadOnlyDictionary<Dimension, string> filters) => Accounts(accounts, filters, QueryConditions.None);

    /// <summary>Accounts in the slice; an amount range is not applied here (see <see cref="AccountArr"/>).</summary>
    public static IQueryable<Account> Accounts(IQueryable<Account> accounts, IReadOnlyDictionary<Dimension, string> filters, QueryConditions conditions)
    {
        ArgumentNullException.ThrowIfNull(filters);
        ArgumentNullException.ThrowIfNull(conditions);
        foreach (var (dim, value) in filters.OrderBy(f => f.Key))
            accounts = Matching(accounts, AccountKey(dim), [value], exclude: false);
        foreach (var (dim, set) in conditions.Sets.OrderBy(f => f.Key))
            accounts = Matching(accounts, AccountKey(dim), set.Values, set.Exclude);
        return accounts;
    }

    /// <summary>The value a deal has in a dimension, as filters and breakdowns read it.</summary>
    public static Expression<Func<Deal, string?>> DealKey(Dimension dim) => dim switch
    {
        Dimension.Owner => d => d.Owner!.Email,
        Dimension.Region => d => d.Account!.Region ?? d.Owner!.Region,
        Dimension.Segment => d => d.Account!.Segment,
        Dimension.Team => d => d.Owner!.Team,
        Dimension.Product => d => d.Product,
        _ => throw new ArgumentOutOfRangeException(nameof(dim), dim, "Deal findings cannot be sliced by this dimension."),
    };

    /// <summary>The value an account has in a dimension.</summary>
    public static Expression<Func<Account, string?>> AccountKey(Dimension dim) => dim switch
    {
        Dimension.Owner => a => a.Owner!.Email,
        Dimension.Region => a => a.Region ?? a.Owner!.Region,
        Dimension.Segment => a => a.Segment,
        Dimension.Team => a => a.Owner!.Team,
        _ => throw new ArgumentOutOfRangeException(nameof(dim), dim, "Account findings cannot be sliced by this dimension."),
    };

    /// <summary>Each deal's group in a breakdown ("by region"): the dimension's value, a rep by name.</summary>
    public static IQueryable<SliceKey> DealGroups(IQueryable<Deal> deals, Dimension by) =>
        Keyed(deals, d => d.Id, by == Dimension.Owner ? d => d.Owner!.Name : DealKey(by));

    public static IQueryable<SliceKey> AccountGroups(IQueryable<Account> accounts, Dimension by) =>
        Keyed(accounts, a => a.Id, by == Dimension.Owner ? a => a.Owner!.Name : AccountKey(by));

    /// <summary>
    /// "accounts over $100K ARR at risk": the account's ARR on <paramref name="day"/> (12 × the MRR of its subscriptions
    /// active that day, as the ARR metric counts it) within the range.
    /// </summary>
    public static IQueryable<Account> WithArr(IQueryable<Account> accounts, IQueryable<Subscription> subscriptions, DateOnly day, AmountRange range)
    {
        ArgumentNullException.ThrowIfNull(range);
        // Compared as MRR (the bound over 12), so the database sums the stored column and multiplies nothing.
        if (range.Min is { } min)
        {
            var low = min / 12m;
            accounts = range.MinInclusive
                ? accounts.Where(a => subscriptions.Where(s => s.AccountId == a.Id && s.StartDate <= day && (s.EndDate == null || s.EndDate > day)).Sum(s => s.Mrr) >= low)
                : accounts.Where(a => subscriptions.Where(s => s.AccountId == a.Id && s.StartDate <= day && (s.EndDate == null || s.EndDate > day)).Sum(s => s.Mrr) > low);
        }
        if (range.Max is { } max)
        {
            var high = max / 12m;
            accounts = range.MaxInclusive
                ? accounts.Where(a => subscriptions.Where(s => s.AccountId == a.Id && s.StartDate <= day && (s.EndDate == null || s.EndDate > day)).Sum(s => s.Mrr) <= high)
                : accounts.Where(a => subscriptions.Where(s => s.AccountId == a.Id && s.StartDate <= day && (s.EndDate == null || s.EndDate > day)).Sum(s => s.Mrr) < high);
        }
        return accounts;
    }

    private static IQueryable<SliceKey> Keyed<T>(IQueryable<T> rows, Expression<Func<T, string>> id, Expression<Func<T, string?>> key)
    {
        var keyBody = ReplacingExpressionVisitor.Replace(key.Parameters[0], id.Parameters[0], key.Body);
        var body = Expression.New(typeof(SliceKey).GetConstructor([typeof(string), typeof(string)])!, id.Body, keyBody);
        return rows.Select(Expression.Lambda<Func<T, SliceKey>>(body, id.Parameters[0]));
    }

    private static IQueryable<T> Matching<T>(IQueryable<T> rows, Expression<Func<T, string?>> key, IReadOnlyList<string> values, bool exclude)
    {
        var list = values.ToArray();
        Expression<Func<string?, bool>> test = exclude ? k => k == null || !list.Contains(k) : k => list.Contains(k);
        var body = ReplacingExpressionVisitor.Replace(test.Parameters[0], key.Body, test.Body);
        return rows.Where(Expression.Lambda<Func<T, bool>>(body, key.Parameters[0]));
    }

    private static IQueryable<Deal> Types(IQueryable<Deal> deals, IReadOnlyList<string> values, bool exclude)
    {
        var types = values.Select(v => EnumText.TryParse<DealType>(v, out var t) ? t : throw new ArgumentException($"'{v}' is not a deal type.", nameof(values))).ToArray();
        return exclude ? deals.Where(d => !types.Contains(d.Type)) : deals.Where(d => types.Contains(d.Type));
    }
}

/// <summary>A found deal's or account's group in a breakdown; null when it has no value there.</summary>
public sealed record SliceKey(string Id, string? Key);
