namespace RevBot.Core.Digests;

/// <summary>The span a headline number covers; each has its own comparison.</summary>
public enum DigestScope
{
    /// <summary>Last whole week (Monday to Sunday), compared with the week before.</summary>
    Week,

    /// <summary>The quarter so far, compared with the same number of days from the previous quarter's start.</summary>
    QuarterToDate,

    /// <summary>The whole current quarter (pipeline, forecast): open deals have no history, so no comparison.</summary>
    Quarter,
}
