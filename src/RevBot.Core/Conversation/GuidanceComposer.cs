using RevBot.Core.Answers;
using RevBot.Core.Metrics;
using RevBot.Core.Replies;

namespace RevBot.Core.Conversation;

/// <summary>Answers that are not numbers: definitions, help, "did you mean…?", and the honest "I don't understand".</summary>
public static partial class GuidanceComposer
{
    public static IReadOnlyList<string> DefaultExamples(bool spanish) => spanish
        ? ["¿cuál es nuestra tasa de cierre este trimestre?", "ventas cerradas por región este año", "¿cuánto es nuestro ARR?", "NRR el trimestre pasado", "los 10 mayores negocios abiertos"]
        : ["what's our win rate this quarter?", "bookings by region this year", "what is our ARR?", "NRR last quarter by segment", "top 10 open deals"];

    public static Answer Definition(ParsedQuestion question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var def = MetricCatalog.Get(question.Metric!);
        var es = question.Language == "es";
        var name = def.Name(question.Language);
        var text = $"{MetricAnswerComposer.Capitalize(name, System.Globalization.CultureInfo.InvariantCulture)}: " + def.Definition(question.Language);
        var example = es ? $"{name} este trimestre" : $"{name} this quarter";
        return Guidance("definition", question.Language, def.Id, es ? $"Cómo se calcula: {name}" : $"How {name} is calculated", text,
            [new ReplyAction(FollowUpActions.Ask, es ? "Ver el dato" : "Show me", example)], ReplyKind.Definition);
    }

    public static Answer Help(string language)
    {
        var es = language == "es";
        var metrics = string.Join(", ", MetricCatalog.All.Select(m => m.Name(language)));
        var text = es
            ? $"Pregúntame por cualquier métrica de ingresos, con un periodo, un desglose o un filtro. Métricas: {metrics}. Ejemplos: {string.Join(" · ", DefaultExamples(true))}."
            : $"Ask me about any revenue metric, with a period, a breakdown or a filter. Metrics: {metrics}. Examples: {string.Join(" · ", DefaultExamples(false))}.";
        return Guidance("help", language, null, es ? "Lo que puedo responder" : "What I can answer", text,
            [.. DefaultExamples(es).Take(4).Select(q => new ReplyAction(FollowUpActions.Ask, q, q))], ReplyKind.Help);
    }

    public static Answer Clarify(ParsedQuestion question, QuestionVocabulary? vocabulary = null)
    {
        ArgumentNullException.ThrowIfNull(question);
        var es = question.Language == "es";
        var options = string.Join(es ? " o " : " or ", question.Candidates.Select(c => c.Label));
        var text = question.Candidates.Count == 1
            ? es ? $"¿Te refieres a {options}?" : $"Did you mean {options}?"
            : es ? $"¿Qué quieres decir exactamente: {options}?" : $"Which do you mean: {options}?";
        // Names of different kinds say each kind: "Do you mean the account Smith Inc or the rep Jane Smith?"
        if (question.Candidates.Count > 0 && question.Candidates.All(c => c.Described is not null))
        {
            var described = string.Join(es ? " o a " : " or ", question.Candidates.Select(c => c.Described));
            text = es ? $"¿Te refieres a {described}?".Replace(" a el ", " al ", StringComparison.Ordinal)
                : question.Candidates.Count == 1 ? $"Did you mean {described}?" : $"Do you mean {described}?";
        }
        // A name RevBot does not know, in part another kind's ("Jane Smith" → the account Smith Inc): said first.
        if (question.Unplaced.Count > 0)
            text = $"{RefusalText.Lead(question.Unplaced, vocabulary ?? QuestionVocabulary.Empty, es)} {text}";
        return Guidance("clarify", question.Language, question.Metric, es ? "¿Puedes concretar?" : "Can you be more specific?", text,
            [.. question.Candidates.Select(c => new ReplyAction(FollowUpActions.Ask, c.Label, c.Question))], ReplyKind.Clarify, understood: false);
    }

    public static Answer NotUnderstood(ParsedQuestion question, string? reason = null)
    {
        ArgumentNullException.ThrowIfNull(question);
        var es = question.Language == "es";
        var examples = question.Suggestions.Count > 0 ? question.Suggestions : DefaultExamples(es);
        var lead = reason ?? (es ? "No he entendido la pregunta, y prefiero no adivinar una cifra." : "I didn't understand that, and I'd rather not guess a number.");
        var text = es
            ? $"{lead} Puedo responder preguntas como: {string.Join(" · ", examples)}."
            : $"{lead} I can answer questions like: {string.Join(" · ", examples)}.";
        return Guidance("unknown", question.Language, null, es ? "No lo he entendido" : "I didn't get that", text,
            [.. examples.Take(4).Select(q => new ReplyAction(FollowUpActions.Ask, q, q))], ReplyKind.NotUnderstood, understood: false);
    }

    private static Answer Guidance(string intent, string language, string? metric, string title, string text, IReadOnlyList<ReplyAction> actions, ReplyKind kind, bool understood = true) => new()
    {
        Understood = understood,
        Intent = intent,
        Language = language,
        Metric = metric,
        Text = text,
        Reply = new Reply { Kind = kind, Title = title, Text = text, Actions = actions },
    };
}
