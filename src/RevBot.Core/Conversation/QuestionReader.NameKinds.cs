using RevBot.Core.Localization;
using RevBot.Core.Metrics;

namespace RevBot.Core.Conversation;

/// <summary>
/// A name read as another kind than it looks (issue 17 §1): "bookings for Smith" where the only Smith is the account
/// Smith Inc. A lone capitalised word that is only part of an account's name looks like a person, so the account is
/// offered rather than assumed ("Did you mean the account Smith Inc?"); a word that is part of both a rep's and an
/// account's name offers both, each with its kind. The full name ("Smith Inc", "Acme Corp") still answers, and so
/// does a lower-case part ("acme"), with the match stated (<see cref="MatchText"/>).
/// </summary>
internal sealed partial class QuestionReader
{
    /// <summary>True when the chosen reading of a one-word name is part of an account's name, typed as a person's.</summary>
    private bool PersonLikeAccount(Span span, EntityCandidate chosen)
    {
        if (chosen.Dimension != Dimension.Account || chosen.Score >= 0.97 || span.Length != 1 || !tokens[span.Start].LooksLikeName)
            return false;
        // A misspelt one-word name ("Betatch") is a typo, not a part; a request to act on a deal is refused anyway.
        if (EntityIndex.WordsOf(chosen.Entity.Name).Length < 2 || spans.Any(s => s.Has(Lexicon.CueKind.Unsupported)))
            return false;
        // "Acme Corp": a legal form after the word makes it the company's name as people write it.
        return span.End >= tokens.Count || !LegalForms.Contains(tokens[span.End].Text);
    }

    /// <summary>People and companies among the candidates: each option then says which kind it is.</summary>
    private static bool NamesOfTwoKinds(IReadOnlyList<EntityCandidate> candidates) =>
        candidates.Any(c => c.Dimension == Dimension.Account)
        && (candidates.Count == 1 || candidates.Any(c => c.Dimension is Dimension.Owner or Dimension.Team));

    /// <summary>"the account Smith Inc", "el comercial Jane Smith": how a clarify sentence names a candidate.</summary>
    private string Described(EntityCandidate candidate) =>
        // One key per kind ("AnswerClarifyDescribedRegion"): Spanish agrees the article ("la región", "el equipo").
        Texts.Get(language, "AnswerClarifyDescribed" + (candidate.Dimension is Dimension.Owner or Dimension.Team or Dimension.Region or Dimension.Segment
            or Dimension.Industry or Dimension.Product or Dimension.Source or Dimension.Stage or Dimension.Account ? candidate.Dimension : Dimension.Type), candidate.Entity.Name);
}
