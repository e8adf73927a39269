using RevBot.Core.Answers;
using RevBot.Core.Metrics;
using RevBot.Core.Periods;

namespace RevBot.Core.Conversation;

/// <summary>
/// What a question says, and only what it says: null means "not stated", so a follow-up ("and last quarter?")
/// can be merged with the conversation's previous question. Periods are already resolved to dates.
/// </summary>
public sealed record ParsedQuestion
{
    public Intent Intent { get; init; } = Intent.Unknown;

    /// <summary>"en" or "es": the answer is written in the language of the question.</summary>
    public string Language { get; init; } = "en";

    public string? Metric { get; init; }
    public Period? Period { get; init; }
    public ComparisonKind? Comparison { get; init; }

    /// <summary>An explicit comparison period ("vs Q1 2024"), when stated as dates rather than a kind.</summary>
    public Period? ComparisonPeriod { get; init; }

    public IReadOnlyDictionary<Dimension, string> Filters { get; init; } = MetricQuery.NoFilters;

    /// <summary>Value sets ("West and East", "excluding EMEA") and a deal amount range ("over 50k"); a dimension is in <see cref="Filters"/> or here, never both.</summary>
    public QueryConditions Conditions { get; init; } = QueryConditions.None;
    public Dimension? GroupBy { get; init; }

    /// <summary>A breakdown within each group of <see cref="GroupBy"/>: only loss reasons ("loss reasons by region").</summary>
    public Dimension? ThenBy { get; init; }

    /// <summary>For lists: how many, which end, and what is ranked.</summary>
    public int? Limit { get; init; }
    public bool Ascending { get; init; }
    public ListSubject? ListSubject { get; init; }
    public DealListKind? DealListKind { get; init; }

    /// <summary>"trend over the last 6 quarters": how many periods of <see cref="Period"/>'s grain.</summary>
    public int? TrendPeriods { get; init; }

    /// <summary>
    /// For a trend, the size of each point (month for "bookings by month"). When <see cref="Period"/> is set its
    /// <see cref="Period.Grain"/> is this grain too and <see cref="TrendPeriods"/> counts the points; a follow-up
    /// such as "by month" states only this.
    /// </summary>
    public PeriodGrain? TrendGrain { get; init; }

    /// <summary>True when the question named no period and <see cref="Period"/> is the metric's default (this quarter, or today for ARR).</summary>
    public bool PeriodIsDefault { get; init; }

    /// <summary>How sure the parser is of the metric, 0-1, after discounting words it did not understand.</summary>
    public double Confidence { get; init; }

    /// <summary>True when the text only refines a previous question ("and last quarter?", "by rep", "what about EMEA?").</summary>
    public bool IsFollowUp { get; init; }

    /// <summary>For <see cref="Intent.Clarify"/>: the likely meanings, offered as buttons.</summary>
    public IReadOnlyList<ClarifyOption> Candidates { get; init; } = [];

    /// <summary>For <see cref="Intent.Unknown"/>: example questions relevant to the words used.</summary>
    public IReadOnlyList<string> Suggestions { get; init; } = [];

    /// <summary>True when the question asks for a picture ("chart …", "plot …", "gráfico de …"): the answer draws its series.</summary>
    public bool Chart { get; init; }

    /// <summary>
    /// Words the reader could not place (see docs/questions.md, "What RevBot refuses and why"). A question with any is
    /// refused or clarified, never answered: the reply names them and says what can be asked instead.
    /// </summary>
    public IReadOnlyList<UnplacedWord> Unplaced { get; init; } = [];

    /// <summary>Filters read from part of a name or a misspelt one: the answer says what each matched.</summary>
    public IReadOnlyList<NameMatch> Matched { get; init; } = [];

    /// <summary>For <see cref="Intent.DealSearch"/>: what to look for, as typed ("Acme renewal", "deal-00000042").</summary>
    public string? DealSearch { get; init; }

    /// <summary>For <see cref="Intent.Schedule"/>: the question, its recurrence, target and options (<see cref="ScheduleSentenceReader"/>).</summary>
    public ScheduleSentence? Schedule { get; init; }

    /// <summary>For <see cref="Intent.Watch"/> ("tell me when …"), and on the refusal of a watch whose question was not fully read.</summary>
    public WatchRequest? Watch { get; init; }
}
