using RevBot.Core.Answers;
using RevBot.Core.Metrics;
using RevBot.Core.Periods;
using RevBot.Core.Replies;

namespace RevBot.Core.Conversation;

/// <summary>
/// Writes the accounts behind one leg of the ARR bridge in the question's language: how many moved that way, in which
/// period and scope, the leg's ARR (the same number as the leg's metric), then each account's ARR before → after and
/// the change, largest first: "2 customers churned in Q3 2026 (Jul 1 – Sep 30, 2026), $31,200 of churned ARR: 1. Birch
/// $24,000 → $0 (−$24,000); …".
/// </summary>
internal static class BridgeListText
{
    public static Answer Compose(ParsedQuestion q, Period period, ArrBridgeAccounts found, int limit, string currency, IReadOnlyDictionary<Dimension, string>? names)
    {
        var f = new AnswerFormatter(q.Language, currency);
        var es = f.Spanish;
        var def = MetricCatalog.Get(ArrMovements.Metric(found.Movement));
        var when = ScopeText.Period(period, f, "in");
        var filters = ScopeText.Filters(q.Filters, q.Conditions, names, f);
        var scope = when + (filters.Length == 0 ? "" : ", " + filters);
        var arr = Math.Abs(found.Change);
        var head = found.Total == 0 ? None(found.Movement, es) : $"{f.Count(found.Total)} {Moved(found.Movement, found.Total == 1, es)}";
        var more = found.Total > found.Accounts.Count ? (es ? $" (los {found.Accounts.Count} primeros)" : $" (the first {found.Accounts.Count})") : "";
        var rows = found.Accounts.Select((a, i) => $"{i + 1}. {a.Name} {f.Money(a.Before)} → {f.Money(a.After)} ({f.SignedMoney(a.Change)})");
        var text = found.Total == 0
            ? $"{head} {scope}."
            : $"{head} {scope}, {f.Money(arr)} {(es ? "de" : "of")} {def.Name(f.Language)}{more}: {string.Join("; ", rows)}.";
        var title = MetricAnswerComposer.Capitalize($"{Title(found.Movement, es)} · {period.Label}", f.Culture);
        return new Answer
        {
            Understood = true,
            Intent = "list",
            Language = f.Language,
            Metric = def.Id,
            Period = AnswerPeriod.From(period),
            Filters = FilterText.ToJson(q.Filters),
            FilterSets = FilterText.SetsJson(q.Conditions),
            Limit = limit,
            // The leg's ARR and how many accounts moved: the values of the leg's metric over the same period and filters.
            Value = arr,
            Numerator = found.Total,
            Unit = "currency",
            Currency = currency,
            Items = [.. found.Accounts.Select(a => new AnswerItem(a.Id, a.Name, a.Change) { Before = a.Before, After = a.After })],
            Text = text,
            Reply = new Reply
            {
                Kind = ReplyKind.List,
                Title = title,
                Text = text,
                Table = found.Total == 0 ? null : new ReplyTable(
                    es ? ["Cuenta", "Responsable", "ARR antes", "ARR después", "Cambio"] : ["Account", "Owner", "ARR before", "ARR after", "Change"],
                    [.. found.Accounts.Select(a => (IReadOnlyList<string>)[a.Name, a.Owner ?? "—", f.Money(a.Before), f.Money(a.After), f.SignedMoney(a.Change)])],
                    (int)Math.Min(found.Total, int.MaxValue))
                { NumericColumns = new HashSet<int> { 2, 3, 4 } },
                Context =
                [
                    MetricAnswerComposer.ContextLine(period, q.Filters, f, names, q.Conditions),
                    es ? $"ARR antes: el {f.Date(found.StartDay, true)}; después: el {f.Date(found.EndDay, true)}. {def.Definition("es")}"
                       : $"ARR before: on {f.Date(found.StartDay, true)}; after: on {f.Date(found.EndDay, true)}. {def.Definition("en")}",
                ],
            },
        };
    }

    private static string Moved(ArrMovement m, bool one, bool es) => (m, es) switch
    {
        (ArrMovement.New, false) => one ? "new customer" : "new customers",
        (ArrMovement.Expansion, false) => one ? "customer expanded" : "customers expanded",
        (ArrMovement.Contraction, false) => one ? "customer downgraded" : "customers downgraded",
        (ArrMovement.Churn, false) => one ? "customer churned" : "customers churned",
        (ArrMovement.New, true) => one ? "cliente nuevo" : "clientes nuevos",
        (ArrMovement.Expansion, true) => one ? "cliente amplió su contrato" : "clientes ampliaron su contrato",
        (ArrMovement.Contraction, true) => one ? "cliente redujo su contrato" : "clientes redujeron su contrato",
        _ => one ? "cliente se dio de baja" : "clientes se dieron de baja",
    };

    private static string None(ArrMovement m, bool es) => (m, es) switch
    {
        (ArrMovement.New, false) => "No new customers",
        (ArrMovement.Expansion, false) => "No customer expanded",
        (ArrMovement.Contraction, false) => "No customer downgraded",
        (ArrMovement.Churn, false) => "No customer churned",
        (ArrMovement.New, true) => "Ningún cliente nuevo",
        (ArrMovement.Expansion, true) => "Ningún cliente amplió su contrato",
        (ArrMovement.Contraction, true) => "Ningún cliente redujo su contrato",
        _ => "Ningún cliente se dio de baja",
    };

    private static string Title(ArrMovement m, bool es) => (m, es) switch
    {
        (ArrMovement.New, false) => "new customers",
        (ArrMovement.Expansion, false) => "customers who expanded",
        (ArrMovement.Contraction, false) => "customers who downgraded",
        (ArrMovement.Churn, false) => "customers who churned",
        (ArrMovement.New, true) => "clientes nuevos",
        (ArrMovement.Expansion, true) => "clientes que ampliaron",
        (ArrMovement.Contraction, true) => "clientes que redujeron",
        _ => "clientes dados de baja",
    };
}
