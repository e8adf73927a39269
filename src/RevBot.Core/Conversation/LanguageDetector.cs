using System.Collections.Frozen;

namespace RevBot.Core.Conversation;

/// <summary>
/// Spanish when Spanish signals outnumber English ones: "¿", "¡", accents and "ñ", and function words. Domain words
/// both languages use ("pipeline", "ARR", "churn") count for neither, so "pipeline por región" reads as Spanish; words
/// only one language's lexicon uses ("ponderado", "weighted") count for that language.
/// </summary>
internal static class LanguageDetector
{
    private static readonly FrozenSet<string> Spanish = FrozenSet.ToFrozenSet(
    [
        "el", "la", "los", "las", "de", "del", "que", "cual", "cuales", "cuanto", "cuanta", "cuantos", "cuantas", "como", "es", "son",
        "en", "por", "para", "con", "nuestro", "nuestra", "nuestros", "nuestras", "este", "esta", "mes", "ano", "anio", "trimestre",
        "semana", "pasado", "pasada", "y", "lo", "va", "hemos", "ventas", "tasa", "clientes", "negocios", "ultimos", "ultimas",
        "dame", "dime", "muestrame", "hoy", "ayer", "desde", "entre", "hasta", "mi", "mis", "ganamos", "perdimos", "cierre",
        "ingresos", "equipo", "cuenta", "cuentas", "ayuda", "puedes", "hacer", "significa", "calcula", "se", "oportunidades",
        "semestre", "meses", "dias", "una", "uno", "al", "tenemos", "abandono", "retencion", "previsión", "prevision", "cuota",
        "mejores", "peores", "comerciales", "vendido", "cerrados", "ganados", "perdidos", "tal", "hola", "gracias", "etapa",
    ], StringComparer.Ordinal);

    private static readonly FrozenSet<string> English = FrozenSet.ToFrozenSet(
    [
        "the", "of", "what", "whats", "how", "is", "are", "our", "this", "last", "and", "by", "for", "did", "we", "much", "many",
        "show", "me", "my", "in", "to", "with", "from", "was", "were", "which", "who", "top", "deals", "rate", "quarter", "month",
        "year", "week", "days", "since", "between", "help", "can", "you", "do", "does", "have", "has", "revenue", "customers",
        "won", "lost", "win", "close", "closed", "about", "compared", "vs", "per", "each", "average", "mean", "calculated", "define",
        "bookings", "sales", "team", "region", "please", "tell", "give", "biggest", "best", "worst", "it", "on", "at", "past",
    ], StringComparer.Ordinal);

    public static string Detect(string cleanedText, IReadOnlyList<Token> tokens)
    {
        var es = 0;
        var en = 0;
        if (cleanedText.Contains('¿', StringComparison.Ordinal) || cleanedText.Contains('¡', StringComparison.Ordinal))
            es += 2;
        es += Math.Min(2, cleanedText.Count(c => "áéíóúñÁÉÍÓÚÑü".Contains(c, StringComparison.Ordinal)));
        var lexicon = Lexicon.PhraseLexicon.Instance;
        foreach (var token in tokens)
        {
            if (Spanish.Contains(token.Text) || lexicon.SpanishOnly.Contains(token.Text))
                es++;
            if (English.Contains(token.Text) || lexicon.EnglishOnly.Contains(token.Text))
                en++;
        }
        return es > en ? "es" : "en";
    }
}
