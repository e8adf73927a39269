using RevBot.Core.Domain;

namespace RevBot.Core.Answers;

/// <summary>
/// One question from anywhere (Slack, Teams, CLI, HTTP). <see cref="ConversationKey"/> ties follow-ups together
/// ("slack:T1:C1:1700000000.0001", "cli:my-session"); null means a one-off question.
/// </summary>
public sealed record AskRequest(string Question, string? UserEmail = null, DateOnly? AsOf = null, string? ConversationKey = null)
{
    /// <summary>
    /// The chat channel the question was asked in (platform + channel id), when there is one: channel commands such
    /// as "post the sales digest here" act on it. Null for the CLI and the HTTP API.
    /// </summary>
    public ChannelTarget? Channel { get; init; }

    /// <summary>
    /// The chat platform the turn came from, direct messages included (where <see cref="Channel"/> is null); null for the
    /// CLI and the HTTP API. A scheduled question sent "to me" goes back by direct message on this platform.
    /// </summary>
    public ChatPlatform? Platform { get; init; }

    /// <summary>The asker's platform user id, recorded when no RevBot email is known ("created by").</summary>
    public string? PlatformUserId { get; init; }

    /// <summary>
    /// Draw the answer's series even when the words did not ask for a chart (<c>revbot ask --chart-out</c>). A question
    /// that says "chart" gets one either way.
    /// </summary>
    public bool Chart { get; init; }
}
