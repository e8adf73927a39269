namespace RevBot.Core.Conversation.Lexicon;

/// <summary>
/// One meaning of a phrase. Data files write it as a short spec: "m:win_rate" (metric), "w:bookings" (weak metric),
/// "c:deal" (concept), "d:Owner" (dimension noun), "by", "tn:Month", "tg:Month", "trend", "type:renewal", "me",
/// "myteam", "help", "greet", "def", "sup:desc|asc|best|worst", "list", "who", "follow", "cmp:previous|same_last_year",
/// "vs", "neg", "fill", "x" (unsupported measure), "chart" (draw the answer), "find:stalled|churn_risk|upcoming|loss_reasons|scorecard" (a list the product keeps),
/// "find:churned|contracted|expanded" (accounts that moved in the ARR bridge). A phrase may carry several, comma-separated ("customers" is a weak metric, a concept and a dimension).
/// </summary>
internal sealed record Cue(CueKind Kind, string Value = "", bool Weak = false)
{
    public static IReadOnlyList<Cue> ParseSpec(string spec) => [.. spec.Split(',', StringSplitOptions.TrimEntries).Select(ParseOne)];

    private static Cue ParseOne(string spec)
    {
        var colon = spec.IndexOf(':', StringComparison.Ordinal);
        var (head, value) = colon < 0 ? (spec, "") : (spec[..colon], spec[(colon + 1)..]);
        return head switch
        {
            "m" => new Cue(CueKind.Metric, value),
            "w" => new Cue(CueKind.Metric, value, Weak: true),
            "c" => new Cue(CueKind.Concept, value),
            "d" => new Cue(CueKind.Dimension, value),
            "by" => new Cue(CueKind.By),
            "tn" => new Cue(CueKind.TimeNoun, value),
            "tg" => new Cue(CueKind.TimeGrain, value),
            "trend" => new Cue(CueKind.Trend),
            "type" => new Cue(CueKind.DealType, value),
            "me" => new Cue(CueKind.Me),
            "myteam" => new Cue(CueKind.MyTeam),
            "help" => new Cue(CueKind.Help),
            "greet" => new Cue(CueKind.Greeting),
            "def" => new Cue(CueKind.Definition),
            "sup" => new Cue(CueKind.Superlative, value),
            "list" => new Cue(CueKind.ListWord),
            "who" => new Cue(CueKind.Who),
            "follow" => new Cue(CueKind.FollowUp),
            "cmp" => new Cue(CueKind.Comparison, value),
            "vs" => new Cue(CueKind.Versus),
            "neg" => new Cue(CueKind.Negation),
            "fill" => new Cue(CueKind.Filler),
            "x" => new Cue(CueKind.Unsupported),
            "find" => new Cue(CueKind.Finding, value),
            "chart" => new Cue(CueKind.Chart),
            _ => throw new FormatException($"Unknown cue spec '{spec}'."),
        };
    }
}
