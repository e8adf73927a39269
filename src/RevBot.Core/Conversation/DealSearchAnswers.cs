using System.Globalization;
using RevBot.Core.Answers;
using RevBot.Core.Deals;
using RevBot.Core.Replies;

namespace RevBot.Core.Conversation;

/// <summary>
/// Answers a deal search: one deal (or the one named exactly) → its card; several → a short pick list whose buttons
/// open each card; none → what to try instead. Lists and not-found are written in the question's language.
/// </summary>
internal static class DealSearchAnswers
{
    public const int PickListSize = 5;

    public static Answer Card(ParsedQuestion q, DealHit hit, Reply card) => new()
    {
        Understood = true,
        Intent = "deal",
        Language = q.Language,
        Items = [new AnswerItem(hit.Id, hit.Name, hit.Amount)],
        Text = card.Text,
        Reply = card,
    };

    public static Answer PickList(ParsedQuestion q, DealSearchResult result)
    {
        var es = q.Language == "es";
        var hits = result.Hits.Take(PickListSize).ToList();
        var more = result.Total > hits.Count ? (es ? $" (y {result.Total - hits.Count} más: añade palabras para acotar)" : $" (and {result.Total - hits.Count} more: add a word to narrow it down)") : "";
        var text = (es ? $"{result.Total} negocios encajan con \"{q.DealSearch}\"{more}. ¿Cuál?" : $"{result.Total} deals match \"{q.DealSearch}\"{more}. Which one?");
        return new Answer
        {
            Understood = true,
            Intent = "deal",
            Language = q.Language,
            Items = [.. hits.Select(h => new AnswerItem(h.Id, h.Name, h.Amount))],
            Text = text,
            Reply = new Reply
            {
                Kind = ReplyKind.List,
                Title = es ? $"Negocios: \"{q.DealSearch}\"" : $"Deals matching \"{q.DealSearch}\"",
                Text = text,
                Table = new ReplyTable(
                    es ? ["Negocio", "Cuenta", "Comercial", "Etapa", "Cierre", "Importe"] : ["Deal", "Account", "Owner", "Stage", "Close", "Amount"],
                    [.. hits.Select(h => (IReadOnlyList<string>)[h.Mine ? $"{h.Name} ★" : h.Name, h.Account ?? "—", h.Owner ?? "—", h.Stage,
                        h.CloseDate is { } c ? c.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "—", DealText.Money(h.Amount, h.Currency)])],
                    result.Total)
                { NumericColumns = new HashSet<int> { 5 } },
                Actions = [.. hits.Select(h => new ReplyAction(DealActionIds.Open, Label(h), h.Id))],
                Context = [es ? "★ tus negocios, que salen primero; luego los abiertos." : "★ your deals, listed first; then open deals before closed ones."],
            },
        };
    }

    public static Answer NotFound(ParsedQuestion q, bool vague)
    {
        var es = q.Language == "es";
        var text = vague
            ? (es ? "Dime algo más del nombre del negocio o de su cuenta, por ejemplo \"negocio Acme renovación\"." : "Tell me a bit more of the deal's or its account's name, for example \"deal Acme renewal\".")
            : (es ? $"No encuentro ningún negocio que encaje con \"{q.DealSearch}\". Prueba con el nombre de la cuenta, menos palabras o el id del negocio."
                  : $"I couldn't find a deal matching \"{q.DealSearch}\". Try the account's name, fewer words, or the deal's id.");
        var examples = es ? new[] { "mis negocios abiertos", "negocios que cierran este mes" } : ["my open deals", "deals closing this month"];
        return new Answer
        {
            Understood = !vague,
            Intent = "deal",
            Language = q.Language,
            Items = [],
            Text = text,
            Reply = new Reply
            {
                Kind = ReplyKind.Answer,
                Title = es ? "Negocio no encontrado" : "No deal found",
                Text = text,
                Actions = [.. examples.Select(e => new ReplyAction("ask", e, e))],
            },
        };
    }

    /// <summary>Button labels stay short (Slack allows 75 characters); the account is in the name already in most CRMs.</summary>
    private static string Label(DealHit h) => h.Name.Length <= 60 ? h.Name : h.Name[..57] + "…";
}
