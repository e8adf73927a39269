using System.Text.Json.Serialization;

namespace RevBot.Core.Answers;

/// <summary>What a watch sentence asks for ("tell me when Q4 pipeline coverage drops below 3x"): read by
/// the watch sentence reader (Conversation), stored and evaluated by the Watches feature. Its JSON is the <c>watch</c> object
/// of the answer (<c>ask --format json</c>) and the row's stored spec, so names here are a contract.</summary>
public sealed record WatchRequest
{
    [JsonPropertyName("kind")] public WatchKind Kind { get; init; }

    /// <summary>The question watched, as typed ("Q4 pipeline coverage"): read again at each check, so its period
    /// follows <see cref="PeriodRule"/>.</summary>
    [JsonPropertyName("question")] public string Question { get; init; } = "";

    [JsonPropertyName("metric")] public string? Metric { get; init; }
    [JsonPropertyName("filters")] public IReadOnlyDictionary<string, string>? Filters { get; init; }

    [JsonPropertyName("periodRule")] public WatchPeriodRule? PeriodRule { get; init; }
    [JsonPropertyName("comparator")] public WatchComparator? Comparator { get; init; }

    /// <summary>On the metric's own scale (ratios as fractions, money in the company currency); for
    /// <see cref="WatchComparator.ChangesBy"/> with <see cref="WatchUnit.Percent"/>, the relative change (0.1 = 10%).</summary>
    [JsonPropertyName("threshold")] public decimal? Threshold { get; init; }
    [JsonPropertyName("unit")] public WatchUnit? Unit { get; init; }

    [JsonPropertyName("target")] public WatchTarget Target { get; init; } = WatchTarget.Me;

    /// <summary>For <see cref="WatchKind.DealStage"/>: the stage as the company names it.</summary>
    [JsonPropertyName("stage")] public string? Stage { get; init; }

    /// <summary>For deal watches: only deals above this amount ("any deal over $100k").</summary>
    [JsonPropertyName("minAmount")] public decimal? MinAmount { get; init; }

    /// <summary>For deal watches: only the owner's own deals ("a deal of mine").</summary>
    [JsonPropertyName("mine")] public bool Mine { get; init; }

    /// <summary>Why the sentence cannot be watched as written: a catalog key (its text names what to say instead); null when it can.</summary>
    [JsonIgnore] public string? Problem { get; init; }
}

[JsonConverter(typeof(JsonStringEnumConverter<WatchKind>))]
public enum WatchKind
{
    /// <summary>A number crossing a line.</summary>
    [JsonStringEnumMemberName("threshold")] Threshold,

    /// <summary>A deal entering a stage.</summary>
    [JsonStringEnumMemberName("deal_stage")] DealStage,

    /// <summary>A deal whose close date moves past the end of the quarter it was in.</summary>
    [JsonStringEnumMemberName("deal_pushed")] DealPushed,
}

[JsonConverter(typeof(JsonStringEnumConverter<WatchComparator>))]
public enum WatchComparator
{
    [JsonStringEnumMemberName("below")] Below,
    [JsonStringEnumMemberName("above")] Above,
    [JsonStringEnumMemberName("changes_by")] ChangesBy,
}

[JsonConverter(typeof(JsonStringEnumConverter<WatchUnit>))]
public enum WatchUnit
{
    [JsonStringEnumMemberName("multiple")] Multiple,
    [JsonStringEnumMemberName("percent")] Percent,
    [JsonStringEnumMemberName("currency")] Currency,
    [JsonStringEnumMemberName("number")] Number,
}

/// <summary>How the watched question's period moves with time: read again at each check.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<WatchPeriodRule>))]
public enum WatchPeriodRule
{
    /// <summary>No period said: the metric's default at each check (this quarter, or today for ARR).</summary>
    [JsonStringEnumMemberName("default")] Default,

    /// <summary>"this quarter", "this month", "Q4": the same words mean a later period as time moves.</summary>
    [JsonStringEnumMemberName("rolling")] Rolling,

    /// <summary>"Q4 2026", "2025": always the same dates.</summary>
    [JsonStringEnumMemberName("fixed")] Fixed,
}

/// <summary>Who is told: the person who set the watch (a direct message), or a channel ("#sales-leads", "here").</summary>
public sealed record WatchTarget
{
    public static WatchTarget Me { get; } = new();

    /// <summary>"dm" or "channel".</summary>
    [JsonPropertyName("kind")] public string Kind => Here || ChannelName is not null || ChannelId is not null ? "channel" : "dm";

    /// <summary>The channel as written, without "#": "sales-leads".</summary>
    [JsonPropertyName("channel")] public string? ChannelName { get; init; }

    /// <summary>The platform's channel id when the text carried a Slack channel mention (&lt;#C123|sales-leads&gt;).</summary>
    [JsonPropertyName("channelId")] public string? ChannelId { get; init; }

    /// <summary>"here", "this channel", "aquí": the channel the sentence was said in.</summary>
    [JsonPropertyName("here")] public bool Here { get; init; }
}
