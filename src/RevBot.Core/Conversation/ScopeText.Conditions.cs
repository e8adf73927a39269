using RevBot.Core.Answers;
using RevBot.Core.Localization;
using RevBot.Core.Metrics;

namespace RevBot.Core.Conversation;

/// <summary>
/// Value sets and the amount range, read aloud: "West and East", "all regions except EMEA", "deals over $50K",
/// "deals between $10K and $50K"; ES "West y East", "todas las regiones excepto EMEA", "negocios de más de 50.000 $".
/// </summary>
public static partial class ScopeText
{
    /// <summary>The plain filters, then each value set, then the amount range, as one list.</summary>
    public static string Filters(IReadOnlyDictionary<Dimension, string> filters, QueryConditions conditions, IReadOnlyDictionary<Dimension, string>? names, AnswerFormatter f)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        ArgumentNullException.ThrowIfNull(f);
        var parts = new List<string>();
        if (filters.Count > 0) parts.Add(Filters(filters, names, f.Language));
        parts.AddRange(conditions.Sets.OrderBy(kv => kv.Key).Select(kv => Set(kv.Key, kv.Value, f.Language)));
        if (conditions.Amount is { } amount) parts.Add(Amount(amount, f));
        return string.Join(", ", parts);
    }

    public static string Set(Dimension d, ValueSet set, string language)
    {
        ArgumentNullException.ThrowIfNull(set);
        var names = (set.Labels ?? set.Values).Select(v => d == Dimension.Type ? DealTypeName(v, language) : v).ToList();
        // A deal has one loss reason: several are any of them ("loss reason price or competitor").
        if (d == Dimension.LossReason && !set.Exclude)
            return Texts.Get(language, nameof(Catalog.AnswerScopeLossReasonAny), List(names, nameof(Catalog.AnswerOr), language));
        var list = List(names, nameof(Catalog.AnswerAnd), language);
        return set.Exclude ? Texts.Get(language, AllExcept(d), list) : list;
    }

    /// <summary>"West", "West and East", "West, East and EMEA" ("… or …" with <paramref name="lastKey"/> <c>AnswerOr</c>).</summary>
    internal static string List(IReadOnlyList<string> items, string lastKey, string language) => items.Count switch
    {
        0 => "",
        1 => items[0],
        _ => Texts.Get(language, lastKey, string.Join(", ", items.Take(items.Count - 1)), items[^1]),
    };

    /// <summary>"a or b or c": each next item joined by the catalog's <paramref name="key"/> ("{0} or {1}").</summary>
    internal static string Joined(IEnumerable<string> items, string key, string language) =>
        items.Aggregate((string?)null, (text, item) => text is null ? item : Texts.Get(language, key, text, item)) ?? "";

    /// <summary>"deals over $50K", "deals of at least $1M", "deals under $5,000", "deals up to $5,000", "deals between $10K and $50K".</summary>
    public static string Amount(AmountRange amount, AnswerFormatter f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return f.Text(nameof(Catalog.AnswerAmountDeals), AmountCondition(amount, f));
    }

    /// <summary>The condition after the word for deals: "over $50K", "of at least $1M"; ES "de más de 50.000 $".</summary>
    public static string AmountCondition(AmountRange amount, AnswerFormatter f)
    {
        ArgumentNullException.ThrowIfNull(amount);
        ArgumentNullException.ThrowIfNull(f);
        // The threshold as people type it: English rounds it as answers do ("$50K"), Spanish writes it in full ("50.000 $").
        string M(decimal v) => f.Text(nameof(Catalog.AnswerAmountThreshold), f.ExactMoney(v), f.Money(v));
        string Low(decimal v) => f.Text(amount.MinInclusive ? nameof(Catalog.AnswerAmountAtLeast) : nameof(Catalog.AnswerAmountOver), M(v));
        string High(decimal v) => f.Text(amount.MaxInclusive ? nameof(Catalog.AnswerAmountUpTo) : nameof(Catalog.AnswerAmountUnder), M(v));
        var condition = (amount.Min, amount.Max) switch
        {
            ({ } min, { } max) when amount.MinInclusive && amount.MaxInclusive => f.Text(nameof(Catalog.AnswerAmountBetween), M(min), M(max)),
            ({ } min, { } max) => f.Text(nameof(Catalog.AnswerAnd), Low(min), High(max)),
            ({ } min, null) => Low(min),
            (null, { } max) => High(max),
            _ => "",
        };
        return f.Text(amount.Min is not null && amount.Max is null && amount.MinInclusive
            ? nameof(Catalog.AnswerAmountConditionAtLeast) : nameof(Catalog.AnswerAmountCondition), condition);
    }

    private static string AllExcept(Dimension d) => d switch
    {
        Dimension.Owner => nameof(Catalog.AnswerScopeAllOwnersExcept),
        Dimension.Team => nameof(Catalog.AnswerScopeAllTeamsExcept),
        Dimension.Region => nameof(Catalog.AnswerScopeAllRegionsExcept),
        Dimension.Segment => nameof(Catalog.AnswerScopeAllSegmentsExcept),
        Dimension.Industry => nameof(Catalog.AnswerScopeAllIndustriesExcept),
        Dimension.Product => nameof(Catalog.AnswerScopeAllProductsExcept),
        Dimension.Source => nameof(Catalog.AnswerScopeAllSourcesExcept),
        Dimension.Stage => nameof(Catalog.AnswerScopeAllStagesExcept),
        Dimension.Type => nameof(Catalog.AnswerScopeAllTypesExcept),
        Dimension.LossReason => nameof(Catalog.AnswerScopeAllLossReasonsExcept),
        _ => nameof(Catalog.AnswerScopeAllAccountsExcept),
    };
}
