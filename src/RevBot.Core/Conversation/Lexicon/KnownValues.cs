using System.Collections.Frozen;
using RevBot.Core.Metrics;

namespace RevBot.Core.Conversation.Lexicon;

/// <summary>
/// Well-known values of a dimension in any company (regions, segments, industries, lead sources), in English and
/// Spanish, folded. They are not this company's names: they only tell the reader what kind of value an unknown word
/// is, so "bookings in APAC" where the regions are West and East says "no region called APAC" instead of a vague
/// "I don't know". Countries count as regions: a company's regions are often named after one.
/// </summary>
internal static class KnownValues
{
    private static readonly (Dimension Dimension, string[] Phrases)[] Entries =
    [
        (Dimension.Region,
        [
            "apac", "apj", "emea", "latam", "amer", "americas", "na", "noram", "nam", "north america", "south america", "latin america",
            "central america", "europe", "eu", "asia", "asia pacific", "anz", "oceania", "dach", "nordics", "benelux", "iberia", "uk",
            "middle east", "africa", "mena", "japan", "india", "china", "us", "usa", "united states", "canada", "mexico", "brazil",
            "germany", "france", "spain", "italy", "argentina", "chile", "colombia", "peru", "australia", "singapore", "ireland",
            "northeast", "northwest", "southeast", "southwest", "midwest", "north", "south", "west", "east", "central", "global",
            "international", "domestic", "europa", "norteamerica", "sudamerica", "latinoamerica", "centroamerica", "oriente medio",
            "africa", "japon", "estados unidos", "eeuu", "espana", "alemania", "francia", "italia", "brasil", "mexico", "norte", "sur",
            "oeste", "noreste", "noroeste", "sureste", "suroeste", "centro", "internacional", "nacional",
        ]),
        (Dimension.Segment,
        [
            "smb", "smbs", "sme", "smes", "mid market", "midmarket", "mid size", "midsize", "mid sized", "mm", "enterprise",
            "enterprises", "ent", "commercial", "corporate", "strategic", "small business", "small businesses", "startup", "startups",
            "large accounts", "key accounts", "pyme", "pymes", "mediana empresa", "medianas empresas", "gran empresa", "grandes empresas",
            "gran cuenta", "grandes cuentas", "corporativo", "corporativos", "estrategico", "estrategicas", "autonomos",
        ]),
        (Dimension.Industry,
        [
            "healthcare", "health", "fintech", "saas", "education", "edtech", "manufacturing", "retail", "banking", "insurance",
            "government", "public sector", "telecom", "telecommunications", "media", "energy", "utilities", "logistics", "automotive",
            "pharma", "biotech", "hospitality", "nonprofit", "real estate", "salud", "sanidad", "educacion", "banca", "seguros",
            "manufactura", "gobierno", "sector publico", "energia", "logistica",
        ]),
        (Dimension.Source,
        [
            "inbound", "outbound", "referral", "referrals", "webinar", "webinars", "paid search", "organic", "seo", "sem", "ppc",
            "trade show", "trade shows", "cold call", "cold calls", "cold email", "social", "linkedin", "events", "partner", "partners",
            "feria", "ferias", "referido", "referidos", "llamada en frio", "redes sociales",
        ]),
    ];

    /// <summary>Each phrase as its words, longest first, so "north america" is tried before "north".</summary>
    private static readonly (Dimension Dimension, string[] Words)[] Phrases =
        [.. Entries.SelectMany(e => e.Phrases.Select(p => (e.Dimension, p.Split(' ')))).OrderByDescending(p => p.Item2.Length)];

    private static readonly FrozenSet<string> FirstWords = Phrases.Select(p => p.Words[0]).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The longest well-known value starting at <paramref name="start"/> of <paramref name="words"/>, within <paramref name="end"/>.</summary>
    public static (Dimension Dimension, int Length)? At(IReadOnlyList<string> words, int start, int end)
    {
        if (!FirstWords.Contains(words[start]))
            return null;
        foreach (var (dimension, phrase) in Phrases)
        {
            if (start + phrase.Length > end)
                continue;
            var ok = true;
            for (var k = 0; k < phrase.Length && ok; k++)
                ok = words[start + k] == phrase[k];
            if (ok)
                return (dimension, phrase.Length);
        }
        return null;
    }
}
