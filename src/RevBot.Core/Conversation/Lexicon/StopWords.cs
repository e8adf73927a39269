using System.Collections.Frozen;

namespace RevBot.Core.Conversation.Lexicon;

/// <summary>
/// Words that carry no meaning for a revenue question in either language. A question is judged by its other words:
/// words outside this list and outside every phrase are "unexplained" and lower the parser's confidence.
/// </summary>
internal static class StopWords
{
    private static readonly string[] English =
    [
        "a", "an", "the", "is", "are", "was", "were", "be", "been", "being", "am", "what", "whats", "how", "hows", "our", "ours",
        "we", "us", "you", "your", "it", "its", "they", "them", "their", "that", "these", "those", "there", "here", "of", "in",
        "on", "at", "to", "from", "for", "with", "about", "as", "into", "during", "within", "through", "and", "or", "but", "so",
        "than", "then", "if", "do", "does", "did", "done", "have", "has", "had", "having", "can", "could", "would", "should",
        "will", "shall", "may", "might", "must", "tell", "me", "show", "give", "get", "got", "gets", "let", "know", "see", "like",
        "want", "need", "only", "just", "also", "any", "some", "all", "total", "overall", "whole", "entire", "company", "current",
        "now", "right", "far", "look", "looks", "i", "im", "ive", "id", "number", "numbers", "figure", "figures", "stats",
        "statistics", "data", "info", "information", "results", "result", "status", "update", "things", "thing", "kpi", "yet",
        "still", "ever", "exactly", "roughly", "approximately", "around", "much", "many", "over", "under", "out", "up", "down",
        "more", "less", "very", "really", "please", "everyone", "everything", "anything", "something", "whats", "which", "where",
        "when", "why", "this", "next", "last", "past", "previous", "prior", "since", "between", "until", "till", "ago", "today",
        "days", "day", "dont", "doesnt", "didnt", "isnt", "arent", "whole", "across", "amongst", "among", "per", "via", "currently",
        "sales", "each", "every", "other", "others", "own", "across", "along", "already", "again", "too", "quite", "being", "tho",
        "though", "guys", "folks", "team", "teams", "its", "hey", "hi", "ok", "okay", "yeah", "yes", "no", "not", "vs", "v",
        "end", "start", "beginning", "close", "date", "period", "periods", "time", "months", "weeks", "quarters", "years", "fiscal",
        "calendar", "only", "just", "whole", "good", "bad", "well", "value", "amount", "share", "level", "levels", "rate",
    ];

    private static readonly string[] Spanish =
    [
        "el", "la", "los", "las", "lo", "un", "una", "unos", "unas", "de", "del", "al", "a", "en", "y", "e", "o", "u", "que",
        "cual", "cuales", "como", "es", "son", "fue", "fueron", "era", "eran", "ser", "esta", "estan", "estamos", "esto", "eso",
        "ese", "esa", "nuestro", "nuestra", "nuestros", "nuestras", "su", "sus", "tu", "tus", "por", "para", "con", "sobre",
        "entre", "hasta", "desde", "me", "te", "se", "le", "les", "nos", "dime", "dame", "decir", "muestra", "muestrame",
        "ensename", "quiero", "quisiera", "saber", "ver", "favor", "porfa", "hola", "oye", "buenas", "gracias", "hay", "tenemos",
        "tengo", "tiene", "tienen", "hemos", "ha", "han", "ahora", "actual", "actualmente", "total", "todo", "todos", "toda",
        "todas", "empresa", "numero", "datos", "dato", "cifra", "cifras", "va", "vamos", "van", "ir", "lleva", "llevamos",
        "puedes", "podrias", "puede", "podria", "necesito", "ya", "aun", "todavia", "mas", "muy", "bien", "tal", "si", "no",
        "este", "estos", "estas", "cuanto", "cuantos", "cuanta", "cuantas", "donde", "cuando", "porque", "pasado", "pasada",
        "ultimo", "ultima", "ultimos", "ultimas", "hoy", "ayer", "hace", "dias", "dia", "meses", "semanas", "trimestres", "anos",
        "nivel", "valor", "importe", "tasa", "periodo", "fecha", "fiscal", "equipo", "solo", "solamente", "unicamente", "cada",
        // How people ask, not what: "¿me dices…?", "¿qué tan…?", "conseguimos" (we got).
        "dices", "dice", "decis", "tan", "conseguimos", "conseguido", "conseguir", "logramos", "obtuvimos", "tuvimos",
    ];

    public static readonly FrozenSet<string> All = English.Concat(Spanish).ToFrozenSet(StringComparer.Ordinal);
}
