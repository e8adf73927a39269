using RevBot.Core.Input;

namespace RevBot.Core.Conversation.Lexicon;

/// <summary>
/// How people name the usual loss reasons, in English and Spanish, folded: "pricing", "too expensive", "precio" for a
/// reason recorded as "price"; "competition", "la competencia" for "competitor". They only lead to a reason the company
/// actually records (a reason whose own words are among them): a word for a reason the company does not have stays
/// unknown. The company's own values match first, as typed, in the plural or with a typo.
/// </summary>
internal static class LossReasonWords
{
    private static readonly string[][] Usual =
    [
        ["price", "prices", "pricing", "cost", "costs", "too expensive", "expensive", "precio", "precios", "caro", "coste", "costo", "costes", "costos"],
        ["competitor", "competitors", "competition", "the competition", "a competitor", "competidor", "competidores", "competencia", "la competencia"],
        ["no budget", "budget", "budgets", "lack of budget", "no money", "sin presupuesto", "presupuesto", "falta de presupuesto", "falta presupuesto"],
        ["no decision", "indecision", "status quo", "no decision made", "sin decision", "indecision", "falta de decision", "ninguna decision"],
        ["timing", "bad timing", "wrong timing", "mal momento", "plazos", "calendario"],
        ["product fit", "fit", "poor fit", "bad fit", "features", "missing features", "encaje", "encaje de producto", "ajuste de producto", "funcionalidades"],
    ];

    /// <summary>The company reason <paramref name="typed"/> (folded words joined by spaces) names, or null.</summary>
    public static NamedEntity? Match(string typed, IReadOnlyList<NamedEntity> reasons)
    {
        ArgumentNullException.ThrowIfNull(typed);
        ArgumentNullException.ThrowIfNull(reasons);
        var folded = reasons.Select(r => (Reason: r, Name: Fold(r.Name))).ToList();
        foreach (var (reason, name) in folded)
        {
            if (typed == name || typed == name + "s" || typed + "s" == name)
                return reason;
        }
        // A misspelt value ("competiton"): one word, long enough that a typo is not another word.
        if (!typed.Contains(' ', StringComparison.Ordinal) && typed.Length >= 5 && !CommonWords.All.Contains(typed))
        {
            var close = folded.Where(r => !r.Name.Contains(' ', StringComparison.Ordinal) && r.Name[0] == typed[0]
                && EditDistance.Between(typed, r.Name, EditDistance.Allowed(Math.Min(typed.Length, r.Name.Length))) <= EditDistance.Allowed(Math.Min(typed.Length, r.Name.Length))).ToList();
            if (close.Count == 1 && EditDistance.Allowed(Math.Min(typed.Length, close[0].Name.Length)) > 0)
                return close[0].Reason;
        }
        foreach (var words in Usual.Where(u => u.Contains(typed)))
        {
            // The usual words lead to the company reason that is one of them ("Pricing", "no budget").
            var hits = folded.Where(r => words.Contains(r.Name)).ToList();
            if (hits.Count == 1)
                return hits[0].Reason;
        }
        return null;
    }

    private static string Fold(string name) =>
        string.Join(' ', Tokenizer.FoldAccents(name).ToLowerInvariant().Split([' ', '-', '_', '/'], StringSplitOptions.RemoveEmptyEntries));
}
