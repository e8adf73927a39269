using RevBot.Core.Conversation.Lexicon;
using RevBot.Core.Metrics;

namespace RevBot.Core.Conversation;

/// <summary>
/// "which customers are new this quarter", "list new customers last month", "¿qué clientes nuevos tuvimos?": the
/// accounts that started paying in the period, the new leg of the ARR bridge, listed with their new ARR. Only when a
/// list is asked for: "which"/"who", a list word, or "what customers"; "new customers this quarter" and "how many new
/// customers" stay the new-customers count, and "new customers by region" its breakdown.
/// </summary>
internal sealed partial class QuestionReader
{
    private static readonly HashSet<string> NewWords = new(StringComparer.Ordinal) { "new", "nuevo", "nuevos", "nueva", "nuevas" };

    private bool AsksNewCustomerList(bool customer)
    {
        // "new customers" read as the metric, or "customers … new" with the customers taken as the list's subject.
        var isNew = reading?.Metric == MetricIds.NewCustomers || (reading?.Metric is null && spans.Any(s => s.Cues.Any(c => c is { Kind: CueKind.Concept, Value: "new" })));
        if (!customer || !isNew || spans.Any(s => s.Cues.Any(c => c is { Kind: CueKind.Concept, Value: "count" })))
            return false;
        if (spans.Any(s => s.Has(CueKind.Who) || s.Has(CueKind.ListWord)) || tokens.Any(t => t.Text is "which" or "cuales" or "cual"))
            return true;
        // "what customers …", "qué clientes nuevos …": the interrogative asks for the customers themselves, not "what were new customers" (a count).
        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            if (tokens[i].Text is not ("what" or "que"))
                continue;
            var k = i + 1;
            while (k < tokens.Count && NewWords.Contains(tokens[k].Text))
                k++;
            if (k < tokens.Count && CustomerWords.Contains(tokens[k].Text))
                return true;
        }
        return false;
    }
}
