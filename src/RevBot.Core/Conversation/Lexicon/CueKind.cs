namespace RevBot.Core.Conversation.Lexicon;

/// <summary>What a lexicon phrase tells the parser. See <see cref="Cue"/> for the spec letters used in the data files.</summary>
internal enum CueKind
{
    /// <summary>A metric by name ("win rate", "NRR"); weak when the word is vague ("sales" for bookings).</summary>
    Metric,

    /// <summary>A meaning that names a metric only with others ("how many" + "deals" + "won").</summary>
    Concept,

    /// <summary>A dimension noun ("rep", "región"): a breakdown after "by", a list subject after "top".</summary>
    Dimension,

    /// <summary>"by", "per", "por", "broken down by".</summary>
    By,

    /// <summary>A time noun that groups only after "by" ("by month").</summary>
    TimeNoun,

    /// <summary>A time adjective that groups on its own ("monthly", "trimestral").</summary>
    TimeGrain,

    Trend,

    /// <summary>new business, expansion, renewal.</summary>
    DealType,

    Me,
    MyTeam,
    Help,
    Greeting,
    Definition,

    /// <summary>"top"/"biggest" (desc), "bottom"/"smallest" (asc), "best"/"worst" (by the metric's good direction).</summary>
    Superlative,

    /// <summary>"list", "show", "which": a list when what follows is deals or a dimension.</summary>
    ListWord,

    Who,

    /// <summary>"and …", "what about …", "y …": a refinement of the previous question when it opens the text.</summary>
    FollowUp,

    /// <summary>A comparison by kind ("YoY", "same period last year", "QoQ").</summary>
    Comparison,

    /// <summary>"vs", "compared to", "frente a": the period after it is the comparison.</summary>
    Versus,

    /// <summary>"excluding", "except", "sin": a filter the parser cannot express.</summary>
    Negation,

    /// <summary>Polite or chatty words that carry no meaning ("can you tell me", "por favor").</summary>
    Filler,

    /// <summary>A list the alerts engine already keeps: "stalled" deals, accounts "at risk" of churning, "upcoming" renewals.</summary>
    Finding,

    /// <summary>"chart", "plot", "gráfico": the answer should come with a picture of its series.</summary>
    Chart,

    /// <summary>A measure RevBot does not have ("CAC payback", "MQLs", "margin"): answering a neighbour would mislead.</summary>
    Unsupported,
}
