using RevBot.Core.Answers;
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
        var which = ascending ? (f.Spanish ? "Últimos" : "Bottom") : (f.Spanish ? "Primeros" : "Top");
        var title = f.Spanish ? $"{which} {top.Count} por {name} · {period.Label}" : $"{which} {top.Count} {Plural(dim)} by {name} · {period.Label}";
        var scoped = ScopeText.Scoped(ScopeText.Filters(result.Query.Filters, result.Query.Conditions, names, f), period, f);
        // The ranking names what is ranked, by which metric, where and when: "Top 5 reps by bookings for 2026 to date (…): 1. …".
        var ranked = f.Spanish ? $"{WhichEs(ascending, dim)} {top.Count} {PluralEs(dim)} por {name} {scoped}" : $"{which} {top.Count} {Plural(dim)} by {name} {scoped}";
        var text = top.Count == 0
            ? (f.Spanish ? $"No hay datos de {name} {scoped}." : $"There is no {name} data {scoped}.")
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
                Table = new ReplyTable(
                    ["#", MetricAnswerComposer.Capitalize(DimensionText.Name(dim, f.Spanish), f.Culture), MetricAnswerComposer.Capitalize(name, f.Culture)],
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
        var kind = DealKindText(query.Kind, f.Spanish);
        var which = query.Ascending ? (f.Spanish ? "más pequeños" : "smallest") : (f.Spanish ? "mayores" : "top");
        var scope = query.Period is { } p ? $" · {p.Label}" : "";
        var title = f.Spanish ? $"{items.Count} negocios {kind} {which}{scope}" : $"{MetricAnswerComposer.Capitalize(which, f.Culture)} {items.Count} {kind} deals{scope}";
        // The amount reads as part of what is listed ("open deals over $50K"), the other filters after "for".
        var filters = ScopeText.Filters(query.Filters, query.Conditions with { Amount = null }, names, f);
        var amount = query.Conditions.Amount is { } range ? " " + ScopeText.AmountCondition(range, f) : "";
        var scopePart = amount + (filters.Length == 0 ? "" : f.Spanish ? $" para {filters}" : $" for {filters}");
        var when = query.Period is not { } qp ? ""
            : " " + (query.Kind == DealListKind.Open ? (f.Spanish ? "con cierre " : "closing ") : "") + ScopeText.Period(qp, f, "in");
        var heading = (items.Count == 1
            ? (f.Spanish ? (query.Ascending ? $"El negocio {SingularEs(kind)} más pequeño" : $"El mayor negocio {SingularEs(kind)}") : $"The {(query.Ascending ? "smallest" : "biggest")} {kind} deal")
            : f.Spanish ? (query.Ascending ? $"Los {items.Count} negocios {kind} más pequeños" : $"Los {items.Count} mayores negocios {kind}") : $"{MetricAnswerComposer.Capitalize(which, f.Culture)} {items.Count} {kind} deals") + scopePart + when;
        var empty = f.Spanish ? $"No hay negocios {kind}{scopePart}{when}." : $"No {kind} deals{scopePart}{when}.";
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
                Table = new ReplyTable(
                    f.Spanish ? ["Negocio", "Cuenta", "Comercial", "Etapa", "Cierre", "Importe"] : ["Deal", "Account", "Owner", "Stage", "Close", "Amount"],
                    [.. items.Select(d => (IReadOnlyList<string>)[d.Name, d.AccountName ?? "—", d.OwnerName ?? "—", d.Stage, CloseText(d, f), f.Money(d.Amount)])],
                    items.Count)
                { NumericColumns = new HashSet<int> { 5 } },
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
        var filters = ScopeText.Filters(others, names, f.Spanish);
        var scope = filters.Length == 0 ? "" : f.Spanish ? $" para {filters}" : $" for {filters}";
        var upcoming = period.Start == asOf && period.HasEnd;
        var when = upcoming ? (f.Spanish ? $"en los próximos {period.Days} días" : $"in the next {period.Days} days") : ScopeText.Period(period, f, "in", withRange: false);
        var range = upcoming ? $"{when} ({f.DateRange(period)})" : ScopeText.Period(period, f, "in");
        return f.Spanish
            ? ($"Renovaciones con cierre {when}", (count == 1 ? "La mayor renovación" : $"Las {count} mayores renovaciones") + $"{scope} con cierre {range}",
                $"No hay renovaciones{scope} con cierre {range}.")
            : ($"Renewals closing {when}", (count == 1 ? "The biggest renewal" : $"Top {count} renewals") + $"{scope} closing {range}",
                $"No renewals{scope} closing {range}.");
    }

    private static string CloseText(DealListItem d, AnswerFormatter f) =>
        d.ClosedAt is { } at ? f.Date(DateOnly.FromDateTime(at), true) : d.CloseDate is { } cd ? f.Date(cd, true) : "—";

    private static string SingularEs(string kind) => kind.TrimEnd('s');

    private static string DealKindText(DealListKind kind, bool es) => (kind, es) switch
    {
        (DealListKind.Open, false) => "open",
        (DealListKind.Won, false) => "won",
        (DealListKind.Lost, false) => "lost",
        (DealListKind.Open, true) => "abiertos",
        (DealListKind.Won, true) => "ganados",
        _ => "perdidos",
    };

    /// <summary>"Primeros 5 comerciales", "Últimas 3 regiones": the word agrees with the noun's gender.</summary>
    private static string WhichEs(bool ascending, Dimension d)
    {
        var feminine = d is Dimension.Region or Dimension.Account or Dimension.Stage;
        return (ascending, feminine) switch { (false, false) => "Primeros", (false, true) => "Primeras", (true, false) => "Últimos", _ => "Últimas" };
    }

    private static string PluralEs(Dimension d) => d switch
    {
        Dimension.Owner => "comerciales",
        Dimension.Region => "regiones",
        Dimension.Industry => "sectores",
        Dimension.Source => "orígenes",
        Dimension.LossReason => "motivos de pérdida",
        _ => DimensionText.Name(d, spanish: true) + "s",
    };

    private static string Plural(Dimension d) => d switch
    {
        Dimension.Owner => "reps",
        Dimension.Industry => "industries",
        Dimension.Type => "deal types",
        Dimension.LossReason => "loss reasons",
        _ => d.ToString().ToLowerInvariant() + "s",
    };
}
