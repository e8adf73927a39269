using RevBot.Core.Answers;
using RevBot.Core.Conversation.Lexicon;
using RevBot.Core.Metrics;

namespace RevBot.Core.Conversation;

/// <summary>
/// "customers who churned last quarter", "which accounts downgraded this year", "¿qué clientes se dieron de baja?":
/// the accounts behind one leg of the ARR bridge, listed rather than counted. A movement word needs a list cue
/// (which, who, list, a relative "that" / "que" after customers), or "how many" for a movement with no metric of its
/// own (downgraded, expanded); a rate ("churn rate") stays a metric,
/// and a deal ("which deals did we lose") is a deal list.
/// </summary>
internal sealed partial class QuestionReader
{
    private static readonly HashSet<string> CustomerWords = new(StringComparer.Ordinal)
    {
        "customer", "customers", "client", "clients", "account", "accounts", "logo", "logos", "cliente", "clientes", "cuenta", "cuentas",
    };

    private static readonly HashSet<string> Interrogatives = new(StringComparer.Ordinal) { "what", "which", "that", "que", "cuales", "cual" };

    private ParsedQuestion? ReadBridgeList(ParsedQuestion q, Slots slots, ListShape list, IReadOnlyList<Token> unexplained)
    {
        bool Any(CueKind kind, string value) => spans.Any(s => s.Cues.Any(c => c.Kind == kind && c.Value == value));
        var customer = tokens.Any(t => CustomerWords.Contains(t.Text));
        var who = spans.Any(s => s.Has(CueKind.Who));
        string? movement = Any(CueKind.Finding, "churned") ? MetricIds.ChurnedArr
            : Any(CueKind.Finding, "contracted") ? MetricIds.ContractionArr
            : Any(CueKind.Finding, "expanded") ? MetricIds.ExpansionArr
            // "which customers did we lose": losing a customer is churn; "how many customers did we lose" stays the churn rate.
            : Any(CueKind.Concept, "lose") && customer && !Any(CueKind.Concept, "count") ? MetricIds.ChurnedArr
            // "which customers are new": the bridge's new accounts (QuestionReader.NewCustomers.cs).
            : AsksNewCustomerList(customer) ? MetricIds.NewArr
            : null;
        if (movement is null || Any(CueKind.Concept, "rate") || Any(CueKind.Concept, "deal") || slots.GroupBy is not null)
            return null;
        // "how many customers downgraded" has no metric of its own, so the list (which says how many) answers it;
        // "how many customers churned" is the logo churn rate's numerator, and stays that metric.
        var asked = movement == MetricIds.NewArr
            || who || spans.Any(s => s.Has(CueKind.ListWord)) || (Any(CueKind.Concept, "count") && movement != MetricIds.ChurnedArr)
            || (customer && tokens.Any(t => Interrogatives.Contains(t.Text)));
        if (!asked || (!customer && !who))
            return null;
        // Every word was placed before this (QuestionReader.Words.cs): a word still unexplained here refuses.
        // A list has no comparison to show ("… vs the quarter before"): refused rather than listed without it.
        if (unexplained.Count > 0 || slots.ComparisonKind is not null || slots.ComparisonPeriod is not null)
            return Unknown(q, unexplained, null);
        const double confidence = 1.0;
        var filters = new Dictionary<Dimension, string>(slots.Filters);
        // A deal type is a filter like any other, so the answer refuses it rather than drops it.
        if (slots.DealType is { } type)
            filters[Dimension.Type] = type.Value;
        var period = slots.Period ?? DefaultPeriod(movement);
        return q with
        {
            Intent = Intent.List,
            ListSubject = ListSubject.BridgeAccounts,
            Metric = movement,
            Confidence = Math.Round(confidence, 2),
            Period = period,
            PeriodIsDefault = slots.Period is null,
            Filters = filters,
            // Carried so the answer can refuse them by name (AskService.BridgeAccountsAsync), never drop them.
            Conditions = slots.Sets.Count == 0 && slots.Amount is null ? QueryConditions.None : new QueryConditions { Sets = slots.Sets, Amount = slots.Amount },
            // "who churned" asks for everyone who did, not the one winner "who sold the most" asks for.
            Limit = list.Limit is 1 && who ? null : list.Limit,
        };
    }
}
