using RevBot.Core.Conversation.Lexicon;
using RevBot.Core.Periods;

namespace RevBot.Core.Conversation;

/// <summary>
/// One reading of words [Start, End): a lexicon phrase (with its cues), a period, or a company name. The selector
/// keeps the best set of non-overlapping spans; <see cref="Quality"/> is 1 for an exact match and less for a typo
/// or a partial name.
/// </summary>
internal sealed record Span(int Start, int Length, SpanKind Kind, double Quality)
{
    public IReadOnlyList<Cue> Cues { get; init; } = [];

    public Period? Period { get; init; }

    /// <summary>For <see cref="SpanKind.Amount"/>: the deal amount range the words state.</summary>
    public Metrics.AmountRange? Amount { get; init; }

    /// <summary>For names: every entity this reading may mean, best first; more than one equally good is an ambiguity.</summary>
    public IReadOnlyList<EntityCandidate> Entities { get; init; } = [];

    /// <summary>True when a word was taken for a known one despite a typo.</summary>
    public bool Fuzzy { get; init; }

    public int End => Start + Length;

    public bool Has(CueKind kind) => Cues.Any(c => c.Kind == kind);

    public Cue? First(CueKind kind) => Cues.FirstOrDefault(c => c.Kind == kind);
}
