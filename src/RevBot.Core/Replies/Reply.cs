using System.Text.Json.Serialization;

namespace RevBot.Core.Replies;

/// <summary>
/// The platform-neutral answer: Slack renders it as Block Kit, Teams as an Adaptive Card, the CLI as text.
/// Text is plain (no markup): each renderer escapes it for its platform.
/// </summary>
public sealed record Reply
{
    public ReplyKind Kind { get; init; } = ReplyKind.Answer;
    public required string Title { get; init; }

    /// <summary>The answer in a sentence or two; also the notification fallback text.</summary>
    public required string Text { get; init; }
    /// <summary>The number the answer leads with, large, and its move (<see cref="ReplyHeadline"/>); null when the answer is not one number.</summary>
    public ReplyHeadline? Headline { get; init; }

    /// <summary>
    /// What a card shows instead of <see cref="Text"/> when a table or list below carries the rows: the total and the
    /// scope, without repeating every row. Null when <see cref="Text"/> is short already. <see cref="Text"/> stays
    /// complete: it is the notification and screen-reader fallback (Teams <c>summary</c>, Slack <c>text</c>).
    /// </summary>
    public string? Lead { get; init; }

    /// <summary>The reply with a sentence added after its text, and after its <see cref="Lead"/> too so the card shows it.</summary>
    public Reply WithNote(string note) => this with { Text = $"{Text} {note}", Lead = Lead is null ? null : $"{Lead} {note}" };

    public IReadOnlyList<ReplyFact> Facts { get; init; } = [];
    public ReplyTable? Table { get; init; }
    public ReplyChart? Chart { get; init; }

    /// <summary>Small print: the exact period used, how the number is computed.</summary>
    public IReadOnlyList<string> Context { get; init; } = [];
    public IReadOnlyList<ReplyAction> Actions { get; init; } = [];

    /// <summary>
    /// A status line shown prominently above the facts: "Updated by Jane Cooper just now", "This deal changed since you
    /// opened it: …". Null when there is none.
    /// </summary>
    public string? Notice { get; init; }

    /// <summary>
    /// True for a drill-down's answer ("Open deal" on an alert or a list): the adapter posts it as a new message (in the
    /// thread of the message the button was on, where the platform has threads) and leaves that message as it was.
    /// False (the default) for a card updated in place, which replaces the original message with its own buttons.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool InNewMessage { get; init; }

    /// <summary>When set (with <see cref="ReplyKind.Form"/>), the adapter opens this form instead of posting a message.</summary>
    public ReplyForm? Form { get; init; }

    /// <summary>Lines with their own buttons, after the facts (a grouped alert message's alerts, each with its actions).</summary>
    public IReadOnlyList<ReplyRow> Rows { get; init; } = [];

    /// <summary>Titled lists after the facts (a digest's "Top deals won", "Stalled deals").</summary>
    public IReadOnlyList<ReplySection> Sections { get; init; } = [];

    /// <summary>Images that go with the reply (a digest's charts), by file name; the sender holds their bytes.</summary>
    public IReadOnlyList<ReplyImage> Images { get; init; } = [];

    /// <summary>
    /// The language the reply is written in ("en", "es"), set by replies that travel without their asker (digests,
    /// alerts, hand-offs, through the outbox), so a sender renders its own words ("… and 3 more", "More") in it too.
    /// Null when whoever renders the reply knows the language.
    /// </summary>
    public string? Language { get; init; }
}
