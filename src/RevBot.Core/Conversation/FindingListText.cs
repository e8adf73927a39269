using RevBot.Core.Alerts;
using RevBot.Core.Deals;
using RevBot.Core.Metrics;
using RevBot.Core.Periods;
using RevBot.Core.Replies;

namespace RevBot.Core.Conversation;

/// <summary>
/// Writes the stalled-deal and churn-risk lists in the question's language: what was listed, for whom, how many and
/// as of which day ("3 stalled deals (yours, region EMEA) as of Jun 15, 2026: …"), then a table with each finding's
/// reasons and a button per deal that opens its card.
/// </summary>
internal sealed class FindingListText(ParsedQuestion q, DateOnly asOf, string currency)
{
    private const int Buttons = 5;
    private readonly AnswerFormatter f = new(q.Language, currency);

    private bool Es => f.Spanish;

    /// <summary>"yours, region EMEA" / "tuyos, región EMEA"; empty for the whole company.</summary>
    public string Scope(string? ownerName, bool feminine)
    {
        var parts = new List<string>();
        if (q.Filters.ContainsKey(Dimension.Owner))
            parts.Add(ownerName is null ? (Es ? (feminine ? "tuyas" : "tuyos") : "yours") : (Es ? $"de {ownerName}" : $"owned by {ownerName}"));
        foreach (var dim in new[] { Dimension.Team, Dimension.Region, Dimension.Segment })
        {
            if (q.Filters.TryGetValue(dim, out var value))
                parts.Add($"{DimensionText.Name(dim, Es)} {value}");
        }
        return parts.Count == 0 ? "" : $" ({string.Join(", ", parts)})";
    }

    public string UnsupportedFilter(Dimension dim) => Es
        ? $"Puedo filtrar esta lista por comercial, equipo, región o segmento, pero no por {DimensionText.Name(dim, true)}."
        : $"I can narrow this list by rep, team, region or segment, but not by {DimensionText.Name(dim, false)}.";

    /// <summary>"stalled deals by region": the list is of deals (or accounts) one by one; a breakdown is of a metric.</summary>
    public string NoBreakdown(Dimension dim) => Es
        ? $"No puedo desglosar esta lista por {DimensionText.Name(dim, true)}: enumera cada caso con sus motivos. Limítala a un valor (por ejemplo «negocios estancados en West») o pregunta por una métrica, como «pipeline por {DimensionText.Name(dim, true)}»."
        : $"I can't break this list down by {DimensionText.Name(dim, false)}: it lists each case with its reasons. Narrow it to one value (for example \"stalled deals in West\") or ask for a metric, such as \"pipeline by {DimensionText.Name(dim, false)}\".";

    public string NotForPeriod(Period period) => Es
        ? $"Esta lista es la de hoy ({AsOf}); no puedo hacerla para {period.Label}."
        : $"This list is as of today ({AsOf}); I can't make it for {period.Label}.";

    public Answer StalledDeals(IReadOnlyList<(AlertFinding Finding, FoundDeal Deal)> rows, int limit, string scope)
    {
        var shown = rows.Take(limit).ToList();
        var lines = shown.Select((r, i) => $"{i + 1}. {r.Finding.SubjectName} ({f.Money(r.Deal.Amount)}): {r.Finding.Summary}");
        var table = new ReplyTable(
            Es ? ["Negocio", "Cuenta", "Comercial", "Etapa", "Importe", "Motivo"] : ["Deal", "Account", "Owner", "Stage", "Amount", "Why"],
            [.. shown.Select(r => (IReadOnlyList<string>)[r.Finding.SubjectName, r.Deal.Account ?? "—", r.Deal.Owner ?? "—", r.Deal.Stage, f.Money(r.Deal.Amount), r.Finding.Summary])],
            rows.Count) { NumericColumns = new HashSet<int> { 4 } };
        var actions = shown.Take(Buttons).Select(r => new ReplyAction(DealActionIds.Open, Label(r.Finding.SubjectName), r.Finding.SubjectId)).ToList();
        return Compose(rows.Count, Es ? ("negocio estancado", "negocios estancados") : ("stalled deal", "stalled deals"), scope, lines, table, actions, "currency",
            [.. shown.Select(r => new AnswerItem(r.Finding.SubjectId, r.Finding.SubjectName, r.Deal.Amount))], limit);
    }

    public Answer ChurnRisk(IReadOnlyList<(AlertFinding Finding, FoundAccount Account)> rows, int limit, string scope)
    {
        var shown = rows.Take(limit).ToList();
        var risk = Es ? "riesgo" : "risk";
        var lines = shown.Select((r, i) => $"{i + 1}. {r.Finding.SubjectName}, {risk} {r.Finding.Score}/100: {r.Finding.Summary}");
        var table = new ReplyTable(
            Es ? ["Cuenta", "Responsable", "Riesgo", "Motivo"] : ["Account", "Owner", "Risk", "Why"],
            [.. shown.Select(r => (IReadOnlyList<string>)[r.Finding.SubjectName, r.Account.Owner ?? "—", $"{r.Finding.Score}/100", r.Finding.Summary])],
            rows.Count) { NumericColumns = new HashSet<int> { 2 } };
        var renewals = Es ? "próximas renovaciones" : "upcoming renewals";
        var names = Es ? ("cuenta en riesgo de baja", "cuentas en riesgo de baja") : ("account at risk of churning", "accounts at risk of churning");
        return Compose(rows.Count, names, scope, lines, table, [new ReplyAction("ask", renewals, renewals)], "score",
            [.. shown.Select(r => new AnswerItem(r.Finding.SubjectId, r.Finding.SubjectName, r.Finding.Score))], limit);
    }

    private string AsOf => f.Date(asOf, withYear: true);

    private Answer Compose(int total, (string One, string Many) name, string scope, IEnumerable<string> lines, ReplyTable table, IReadOnlyList<ReplyAction> actions, string unit, IReadOnlyList<AnswerItem> items, int limit)
    {
        var asOfText = Es ? $"a {AsOf}" : $"as of {AsOf}";
        var head = total == 0
            ? (Es ? $"No hay {name.Many}{scope} {asOfText}." : $"No {name.Many}{scope} {asOfText}.")
            : $"{f.Count(total)} {(total == 1 ? name.One : name.Many)}{scope} {asOfText}";
        var more = total > items.Count ? (Es ? $" (los {items.Count} primeros)" : $" (the first {items.Count})") : "";
        var text = total == 0 ? head : $"{head}{more}: {string.Join("; ", lines)}.";
        var title = MetricAnswerComposer.Capitalize($"{name.Many}{scope} · {AsOf}", f.Culture);
        return new Answer
        {
            Understood = true,
            Intent = "list",
            Language = f.Language,
            Period = AnswerPeriod.From(Period.Day(asOf, AsOf)),
            Filters = FilterText.ToJson(q.Filters),
            Limit = limit,
            Unit = unit,
            Currency = unit == "currency" ? currency : null,
            Items = items,
            Text = text,
            Reply = new Reply
            {
                Kind = ReplyKind.List,
                Title = title,
                Text = text,
                Table = total == 0 ? null : table,
                Actions = actions,
                Context = [Es ? "Lo que encuentra el motor de alertas hoy; preguntar no envía ninguna alerta." : "What the alerts engine finds today; asking sends no alert."],
            },
        };
    }

    private static string Label(string name) => name.Length <= 60 ? name : name[..57] + "…";
}
