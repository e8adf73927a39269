using RevBot.Core.Conversation.Lexicon;

namespace RevBot.Core.Conversation;

/// <summary>
/// Finds every lexicon phrase in the words, each word read as itself, as its singular/plural, or as its spelling
/// correction. Phrases covering the same words merge their cues ("customers" is a metric, a concept and a dimension).
/// A four-letter swap ("rtae") only counts inside a longer phrase with an exact word ("win rtae").
/// </summary>
internal static class PhraseMatcher
{
    private readonly record struct Form(string Word, double Quality, bool Fuzzy, bool Weak);

    public static IReadOnlyList<Span> Match(IReadOnlyList<Token> tokens)
    {
        var lexicon = PhraseLexicon.Instance;
        var forms = tokens.Select(FormsOf).ToArray();
        var found = new Dictionary<(int, int), Span>();
        for (var i = 0; i < tokens.Count; i++)
        {
            foreach (var first in forms[i])
            {
                foreach (var phrase in lexicon.StartingWith(first.Word))
                {
                    if (i + phrase.Slots.Count > tokens.Count)
                        continue;
                    var quality = first.Quality;
                    var fuzzy = first.Fuzzy;
                    var weak = first.Weak;
                    var exact = !first.Fuzzy;
                    var ok = true;
                    for (var k = 1; k < phrase.Slots.Count && ok; k++)
                    {
                        var form = default(Form);
                        foreach (var candidate in forms[i + k])
                        {
                            if ((form.Word is null || candidate.Quality > form.Quality) && phrase.Slots[k].Contains(candidate.Word))
                                form = candidate;
                        }
                        if (form.Word is null)
                        {
                            ok = false;
                            break;
                        }
                        quality = Math.Min(quality, form.Quality);
                        fuzzy |= form.Fuzzy;
                        weak |= form.Weak;
                        exact |= !form.Fuzzy;
                    }
                    if (!ok || (weak && (phrase.Slots.Count < 2 || !exact)))
                        continue;
                    var key = (i, phrase.Slots.Count);
                    if (found.TryGetValue(key, out var existing))
                    {
                        found[key] = existing with
                        {
                            Quality = Math.Max(existing.Quality, quality),
                            Cues = [.. existing.Cues.Union(phrase.Cues)],
                            Fuzzy = existing.Fuzzy && fuzzy,
                        };
                    }
                    else
                    {
                        found[key] = new Span(i, phrase.Slots.Count, SpanKind.Lexicon, quality) { Cues = phrase.Cues, Fuzzy = fuzzy };
                    }
                }
            }
        }
        return [.. found.Values];
    }

    private static List<Form> FormsOf(Token token)
    {
        var lexicon = PhraseLexicon.Instance;
        var forms = new List<Form> { new(token.Text, 1.0, false, false) };
        foreach (var other in lexicon.BasesOf(token.Text))
            forms.Add(new Form(other, 0.95, false, false));
        if (token.Corrected is { } fix)
        {
            // A swap in a four-letter word is a weaker hint than a slip in a long one.
            var weak = token.Text.Length == 4;
            forms.Add(new Form(fix, weak ? 0.7 : 0.8, true, weak));
            foreach (var other in lexicon.BasesOf(fix))
                forms.Add(new Form(other, weak ? 0.7 : 0.78, true, weak));
        }
        return forms;
    }
}
