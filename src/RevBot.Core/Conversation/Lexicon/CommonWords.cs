using System.Collections.Frozen;

namespace RevBot.Core.Conversation.Lexicon;

/// <summary>
/// Ordinary words that look like a typo of a metric word or a name but are not ("quote" is not "quota", "will" is
/// not the rep Will). The spelling corrector never rewrites them and a name never matches them in part.
/// </summary>
internal static class CommonWords
{
    private static readonly string[] Words =
    [
        "quote", "quotes", "quoted", "price", "prices", "pricing", "weather", "water", "order", "orders", "chart", "sheet", "share",
        "shared", "slack", "email", "emails", "meeting", "meetings", "call", "calls", "lunch", "joke", "jokes", "world", "people",
        "person", "report", "reports", "update", "updates", "status", "hello", "thanks", "please", "mark", "will", "may", "can",
        "bill", "bills", "june", "april", "rose", "grace", "hope", "joy", "faith", "summer", "winter", "chase", "frank", "art",
        "max", "ray", "jack", "pat", "sue", "dawn", "sky", "king", "page", "lead", "leads", "code", "codes", "tax", "taxes",
        "costs", "spend", "spending", "budget", "budgets", "payroll", "salary", "salaries", "office", "offices", "monday",
        "friday", "weekend", "holiday", "holidays", "coffee", "news", "stock", "stocks", "market", "markets", "close", "closes",
        "clothes", "closet", "cycle", "cycles", "rating", "ratings", "state", "states", "stage", "value", "values", "valve",
        "tiempo", "clima", "hola", "adios", "reunion", "correo", "precio", "precios", "impuesto", "impuestos", "hoja", "chiste",
        "cafe", "noticias", "mercado", "mercados", "oficina", "oficinas", "presupuesto", "gasto", "gastos", "nomina", "sueldo",
        "new", "best", "top", "west", "east", "north", "south", "central", "partner", "partners", "events", "event", "web",
        "basic", "plus", "pro", "special", "advanced", "corporation", "corp", "inc", "ltd", "llc", "group", "holdings", "team",
        "the", "and", "for", "with", "from", "about", "what", "when", "where", "which", "while", "there", "their", "other",
        "look", "looking", "watch", "movie", "music", "song", "game", "games", "sport", "sports", "football", "soccer", "food",
    ];

    public static readonly FrozenSet<string> All = Words.ToFrozenSet(StringComparer.Ordinal);
}
