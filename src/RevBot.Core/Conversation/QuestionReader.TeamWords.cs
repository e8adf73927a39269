using RevBot.Core.Conversation.Lexicon;
using RevBot.Core.Metrics;

namespace RevBot.Core.Conversation;

/// <summary>
/// "the Sales team", "equipo de Ventas": the lexicon reads "sales team" / "equipo de ventas" as one team word so that
/// "by sales team" is a breakdown. Anywhere else its qualifier is a team's name: that team when the company has one,
/// else a team value it does not have (refused by name), never a team word nobody reads.
/// </summary>
internal sealed partial class QuestionReader
{
    private static readonly string[] TeamHeads = ["team", "teams", "squad", "squads", "pod", "pods", "group", "groups", "equipo", "equipos", "grupo", "grupos", "celula", "celulas"];

    /// <summary>Team words of several words, outside a breakdown, with the tokens that qualify them.</summary>
    private List<(Span Word, int Start, int End)> QualifiedTeamWords() =>
    [
        .. spans.Where(s => s.Kind == SpanKind.Lexicon && s.Length > 1 && !used.Contains(s)
                && s.First(CueKind.Dimension)?.Value == nameof(Dimension.Team) && !(PreviousSpan(s)?.Has(CueKind.By) ?? false))
            .Select(s => (s, Enumerable.Range(s.Start, s.Length).Where(k => !TeamHeads.Contains(tokens[k].Text) && !ValueConnectors.Contains(tokens[k].Text)).ToList()))
            .Where(x => x.Item2.Count > 0)
            .Select(x => (x.s, x.Item2[0], x.Item2[^1] + 1)),
    ];

    /// <summary>The company's team a qualified team word names ("the Sales team" when there is a team called Sales).</summary>
    private IEnumerable<(Dimension Dimension, NamedEntity Entity, Span Word)> TeamsNamedByTeamWords()
    {
        foreach (var (word, start, end) in QualifiedTeamWords())
        {
            var name = string.Join(' ', tokens.Skip(start).Take(end - start).Select(t => t.Text));
            if (context.Vocabulary?.Of(Dimension.Team).FirstOrDefault(e => Tokenizer.FoldAccents(e.Name).Equals(name, StringComparison.OrdinalIgnoreCase)) is { } team)
            {
                used.Add(word);
                yield return (Dimension.Team, team, word);
            }
        }
    }

    /// <summary>What is left of them once the filters are read: team names the company does not have.</summary>
    private IEnumerable<UnplacedWord> UnknownTeamsInTeamWords() =>
        QualifiedTeamWords().Select(w => ValueOf(Dimension.Team, Typed(w.Start, w.End)));
}
