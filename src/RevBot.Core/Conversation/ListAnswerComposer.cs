using RevBot.Core.Answers;
using RevBot.Core.Localization;
using RevBot.Core.Metrics;
using RevBot.Core.Periods;
using RevBot.Core.Replies;

namespace RevBot.Core.Conversation;

/// <summary>Writes list answers: top/bottom N groups by a metric, and top/bottom N deals.</summary>
public static class ListAnswerComposer
{
    public static Answer Groups(ParsedQuestion question, MetricResult result, int limit, bool ascending, string currency, Period? display = null,
        IReadOnlyDictionary<Dimension, string>? names = null)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(result);
        var f = new AnswerFormatter(question.Language, currency);
        var def = MetricCatalog.Get(result.Query.Metric);
        var rows = result.Breakdown.Where(b => b.Value.Value is not null);
        rows = ascending ? rows.OrderBy(b => b.Value.Value) : rows.OrderByDescending(b => b.Value.Value);
        var top = rows.Take(limit).ToList();
        var dim = result.Query.GroupBy!.Value;
        var period = display ?? result.Query.Period;
        var name = def.Name(f.Language);
        // "Top 5 reps", "Primeras 3 regiones": the words agree with what is ranked.
        var which = T(f, RankKey(dim, ascending), top.Count);
        var title = T(f, nameof(Catalog.AnswerListRankedTitle), which, name, period.Label);
        var scoped = ScopeText.Scoped(ScopeText.Filters(result.Query.Filters, result.Query.Conditions, names, f), period, f);
        // The ranking names what is ranked, by which metric, where and when: "Top 5 reps by bookings for 2026 to date (…): 1. …".
        var ranked = T(f, nameof(Catalog.AnswerListRanked), which, name, scoped);
        var text = top.Count == 0
            ? T(f, nameof(Catalog.AnswerListNoData), name, scoped)
            : ranked + ": " + string.Join("; ", top.Select((b, i) => $"{i + 1}. {b.Label} {f.Value(b.Value.Value, def.Unit)}")) + ".";
        return new Answer
        {
            Understood = true,
            Intent = "list",
            Language = f.Language,
            Metric = def.Id,
            Period = AnswerPeriod.From(period),
            Filters = FilterText.ToJson(result.Query.Filters),
            FilterSets = FilterText.SetsJson(result.Query.Conditions),
            Amount = FilterText.AmountJson(result.Query.Conditions),
            GroupBy = DimensionText.Key(dim),
            Limit = limit,
            Unit = UnitText.Key(def.Unit),
            Currency = def.Unit is MetricUnit.Currency or MetricUnit.CurrencyPerDay ? currency : null,
            Items = [.. top.Select(b => new AnswerItem(b.Key, b.Label, b.Value.Value))],
            Text = text,
            Reply = new Reply
            {
                Kind = ReplyKind.List,
                Title = title,
                Text = text,
                // The card says what is ranked, where and when; the table below names the rows.
                Lead = top.Count == 0 ? null : ranked + ".",
                Table = new ReplyTable(
                    ["#", MetricAnswerComposer.Capitalize(DimensionText.Name(dim, f.Language), f.Culture), MetricAnswerComposer.Capitalize(name, f.Culture)],
                    [.. top.Select((b, i) => (IReadOnlyList<string>)[(i + 1).ToString(f.Culture), b.Label, f.Value(b.Value.Value, def.Unit)])],
                    top.Count)
                { NumericColumns = new HashSet<int> { 0, 2 } },
                Context = [MetricAnswerComposer.ContextLine(period, result.Query.Filters, f, names, result.Query.Conditions), def.Definition(f.Language)],
            },
        };
    }

    /// <param name="asOf">The question's day: open renewals closing from it read "in the next N days".</param>
    public static Answer Deals(ParsedQuestion question, DealListQuery query, IReadOnlyList<DealListItem> items, string currency,
        IReadOnlyDictionary<Dimension, string>? names = null, DateOnly? asOf = null)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(items);
        var f = new AnswerFormatter(question.Language, currency);
        var kind = T(f, DealKindKey(query.Kind, one: false));
        var scope = query.Period is { } p ? $" · {p.Label}" : "";
        var title = T(f, query.Ascending ? nameof(Catalog.AnswerDealsTitleSmallest) : nameof(Catalog.AnswerDealsTitleTop), items.Count, kind, scope);
        // The amount reads as part of what is listed ("open deals over $50K"), the other filters after "for".
        var filters = ScopeText.Filters(query.Filters, query.Conditions with { Amount = null }, names, f);
        var amount = query.Conditions.Amount is { } range ? " " + ScopeText.AmountCondition(range, f) : "";
        var scopePart = amount + (filters.Length == 0 ? "" : " " + T(f, nameof(Catalog.AnswerFor), filters));
        var when = query.Period is not { } qp ? ""
            : " " + (query.Kind == DealListKind.Open ? T(f, nameof(Catalog.AnswerClosing), ScopeText.Period(qp, f, "in")) : ScopeText.Period(qp, f, "in"));
        var heading = (items.Count == 1
            ? T(f, query.Ascending ? nameof(Catalog.AnswerDealsSmallestOne) : nameof(Catalog.AnswerDealsBiggestOne), T(f, DealKindKey(query.Kind, one: true)))
            : T(f, query.Ascending ? nameof(Catalog.AnswerDealsSmallestOther) : nameof(Catalog.AnswerDealsTopOther), items.Count, kind)) + scopePart + when;
        var empty = T(f, nameof(Catalog.AnswerDealsNone), kind, scopePart + when);
        if (RenewalsClosing(query, items.Count, names, asOf, f) is { } renewals)
            (title, heading, empty) = renewals;
        var text = items.Count == 0
            ? empty
            : heading + ": " + string.Join("; ", items.Select((d, i) => $"{i + 1}. {d.Name} {f.Money(d.Amount)}")) + ".";
        return new Answer
        {
            Understood = true,
            Intent = "list",
            Language = f.Language,
            Period = query.Period is { } period ? AnswerPeriod.From(period) : null,
            Filters = FilterText.ToJson(query.Filters),
            FilterSets = FilterText.SetsJson(query.Conditions),
            Amount = FilterText.AmountJson(query.Conditions),
            Limit = query.Limit,
            Unit = "currency",
            Currency = currency,
            Items = [.. items.Select(d => new AnswerItem(d.Id, d.Name, d.Amount))],
            Text = text,
            Reply = new Reply
            {
                Kind = ReplyKind.List,
                Title = title,
                Text = text,
                // The total says what the rows add up to; the title already names the list.
                Lead = items.Count switch
                {
                    0 => null,
                    1 => heading + ".",
                    _ => T(f, nameof(Catalog.AnswerDealsLeadTotal), heading, f.Money(items.Sum(d => d.Amount))),
                },
                Table = new ReplyTable(
                    T(f, nameof(Catalog.DealSearchColumns)).Split('|'),
                    [.. items.Select(d => (IReadOnlyList<string>)[d.Name, d.AccountName ?? "—", d.OwnerName ?? "—", d.Stage, CloseText(d, f), f.Money(d.Amount)])],
                    items.Count)
                {
                    NumericColumns = new HashSet<int> { 5 },
                    // A phone shows "Deal | Amount" and, under the name, "Account · Owner · Stage · closes …".
                    NarrowColumns = [0, 5],
                    DetailFormats = new Dictionary<int, string> { [4] = Texts.Get(f.Language, query.Kind == DealListKind.Open ? nameof(Catalog.ListDetailCloses) : nameof(Catalog.ListDetailClosed)) },
                },
                Context = query.Period is { } pp ? [MetricAnswerComposer.ContextLine(pp, query.Filters, f, names, query.Conditions)] : [],
            },
        };
    }

    /// <summary>
    /// Open renewals closing in a period ("renewals in the next 90 days") read as renewals, not as "top N open deals":
    /// title "Renewals closing in the next 90 days", text "Top 10 renewals closing in the next 90 days (…)".
    /// </summary>
    private static (string Title, string Heading, string Empty)? RenewalsClosing(DealListQuery query, int count, IReadOnlyDictionary<Dimension, string>? names, DateOnly? asOf, AnswerFormatter f)
    {
        if (query.Kind != DealListKind.Open || query.Ascending || query.Period is not { } period
            || !query.Filters.TryGetValue(Dimension.Type, out var type) || !string.Equals(type, "renewal", StringComparison.OrdinalIgnoreCase))
            return null;
        var others = query.Filters.Where(kv => kv.Key != Dimension.Type).ToDictionary();
        var filters = ScopeText.Filters(others, names, f.Language);
        var scope = filters.Length == 0 ? "" : " " + T(f, nameof(Catalog.AnswerFor), filters);
        var upcoming = period.Start == asOf && period.HasEnd;
        var when = upcoming ? T(f, nameof(Catalog.AnswerInNextDays), period.Days) : ScopeText.Period(period, f, "in", withRange: false);
        var range = upcoming ? $"{when} ({f.DateRange(period)})" : ScopeText.Period(period, f, "in");
        return (T(f, nameof(Catalog.AnswerRenewalsTitle), when),
            count == 1 ? T(f, nameof(Catalog.AnswerRenewalsOne), scope, range) : T(f, nameof(Catalog.AnswerRenewalsOther), count, scope, range),
            T(f, nameof(Catalog.AnswerRenewalsNone), scope, range));
    }

    private static string T(AnswerFormatter f, string key, params object?[] args) => Texts.Get(f.Language, key, args);

    private static string CloseText(DealListItem d, AnswerFormatter f) =>
        d.ClosedAt is { } at ? f.Date(DateOnly.FromDateTime(at), true) : d.CloseDate is { } cd ? f.Date(cd, true) : "—";

    private static string DealKindKey(DealListKind kind, bool one) => (kind, one) switch
    {
        (DealListKind.Open, true) => nameof(Catalog.AnswerDealKindOpenOne),
        (DealListKind.Open, false) => nameof(Catalog.AnswerDealKindOpenOther),
        (DealListKind.Won, true) => nameof(Catalog.AnswerDealKindWonOne),
        (DealListKind.Won, false) => nameof(Catalog.AnswerDealKindWonOther),
        (_, true) => nameof(Catalog.AnswerDealKindLostOne),
        _ => nameof(Catalog.AnswerDealKindLostOther),
    };

    /// <summary>"Top {0} reps" / "Bottom {0} regions": one sentence start per dimension, so each language can agree in gender.</summary>
    private static string RankKey(Dimension d, bool ascending) => (d, ascending) switch
    {
        (Dimension.Owner, false) => nameof(Catalog.AnswerListTopOwner),
        (Dimension.Owner, true) => nameof(Catalog.AnswerListBottomOwner),
        (Dimension.Team, false) => nameof(Catalog.AnswerListTopTeam),
        (Dimension.Team, true) => nameof(Catalog.AnswerListBottomTeam),
        (Dimension.Region, false) => nameof(Catalog.AnswerListTopRegion),
        (Dimension.Region, true) => nameof(Catalog.AnswerListBottomRegion),
        (Dimension.Segment, false) => nameof(Catalog.AnswerListTopSegment),
        (Dimension.Segment, true) => nameof(Catalog.AnswerListBottomSegment),
        (Dimension.Industry, false) => nameof(Catalog.AnswerListTopIndustry),
        (Dimension.Industry, true) => nameof(Catalog.AnswerListBottomIndustry),
        (Dimension.Product, false) => nameof(Catalog.AnswerListTopProduct),
        (Dimension.Product, true) => nameof(Catalog.AnswerListBottomProduct),
        (Dimension.Source, false) => nameof(Catalog.AnswerListTopSource),
        (Dimension.Source, true) => nameof(Catalog.AnswerListBottomSource),
        (Dimension.Type, false) => nameof(Catalog.AnswerListTopType),
        (Dimension.Type, true) => nameof(Catalog.AnswerListBottomType),
        (Dimension.Stage, false) => nameof(Catalog.AnswerListTopStage),
        (Dimension.Stage, true) => nameof(Catalog.AnswerListBottomStage),
        (Dimension.Account, false) => nameof(Catalog.AnswerListTopAccount),
        (Dimension.Account, true) => nameof(Catalog.AnswerListBottomAccount),
        (Dimension.LossReason, false) => nameof(Catalog.AnswerListTopLossReason),
        (Dimension.LossReason, true) => nameof(Catalog.AnswerListBottomLossReason),
        _ => throw new ArgumentOutOfRangeException(nameof(d), d, null),
    };
}
