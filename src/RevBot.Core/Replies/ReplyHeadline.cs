namespace RevBot.Core.Replies;

/// <summary>
/// The number an answer leads with, shown large above the rest ("63.2%", "Win rate"), and how it moved against the
/// comparison the answer states. Set by the composers from the computed value, never read back from the text.
/// </summary>
/// <param name="Value">The number as the answer writes it ("$12.4M", "63,2 %").</param>
/// <param name="Label">What the number is ("Win rate", "Deals lost").</param>
public sealed record ReplyHeadline(string Value, string Label)
{
    /// <summary>The move against the comparison period; null when the answer compares with nothing.</summary>
    public ReplyDelta? Delta { get; init; }

    /// <summary>The period and filters the number is for ("Q4 2026: Oct 1 – Dec 31, 2026 · region: West"), shown under it.</summary>
    public string? Scope { get; init; }
}

/// <summary>
/// "▲ 4.1 pts vs Q3 2026": <see cref="Text"/> carries the arrow and the comparison in words, so the move reads the same
/// without colour (Slack has none; screen readers ignore it); <see cref="Tone"/> is what a renderer may colour by.
/// </summary>
public sealed record ReplyDelta(string Text, ReplyDirection Direction, ReplyTone Tone);

public enum ReplyDirection
{
    Flat,
    Up,
    Down,
}

/// <summary>Whether a move is good news: up is good for bookings, bad for churn (<c>MetricDefinition.HigherIsBetter</c>).</summary>
public enum ReplyTone
{
    Neutral,
    Good,
    Bad,
}
