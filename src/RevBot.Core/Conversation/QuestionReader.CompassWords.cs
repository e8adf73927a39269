using RevBot.Core.Metrics;

namespace RevBot.Core.Conversation;

/// <summary>
/// "tasa de cierre en el Este": after the article, "este" is the East, not "this" (a stop word that would otherwise
/// vanish and leave the question answered for every region). The compass word is the company's region of that name
/// in either language (Este or East), else a region value it does not have, refused by name.
/// </summary>
internal sealed partial class QuestionReader
{
    private static readonly Dictionary<string, string> CompassEnglish = new(StringComparer.Ordinal)
    {
        ["este"] = "east", ["oeste"] = "west", ["norte"] = "north", ["sur"] = "south", ["centro"] = "central",
        ["noreste"] = "northeast", ["noroeste"] = "northwest", ["sureste"] = "southeast", ["suroeste"] = "southwest",
    };

    /// <summary>Compass words after "el" that no other span reads, with the company's region each names (or null).</summary>
    private List<(int Token, NamedEntity? Region)> CompassRegions()
    {
        var found = new List<(int, NamedEntity?)>();
        for (var k = 1; k < tokens.Count; k++)
        {
            if (tokens[k - 1].Text != "el" || !CompassEnglish.TryGetValue(tokens[k].Text, out var english)
                || spans.Any(s => s.Start <= k && k < s.End && s.Kind != SpanKind.Lexicon))
                continue;
            var region = context.Vocabulary?.Of(Dimension.Region).FirstOrDefault(e =>
                Tokenizer.FoldAccents(e.Name).Equals(tokens[k].Text, StringComparison.OrdinalIgnoreCase)
                || e.Name.Equals(english, StringComparison.OrdinalIgnoreCase) || (english == "central" && e.Name.Equals("centre", StringComparison.OrdinalIgnoreCase)));
            found.Add((k, region));
        }
        return found;
    }

    /// <summary>The regions compass words name, as filters.</summary>
    private IEnumerable<(Dimension Dimension, NamedEntity Entity, Span Word)> RegionsNamedByCompassWords()
    {
        foreach (var (k, region) in CompassRegions())
        {
            if (region is null)
                continue;
            consumedTokens.Add(k);
            yield return (Dimension.Region, region, new Span(k, 1, SpanKind.Lexicon, 1));
        }
    }

    /// <summary>Compass words that name no region of the company: refused by name.</summary>
    private IEnumerable<UnplacedWord> UnknownCompassRegions() =>
        CompassRegions().Where(c => c.Region is null).Select(c => ValueOf(Dimension.Region, Typed(c.Token, c.Token + 1)));
}
