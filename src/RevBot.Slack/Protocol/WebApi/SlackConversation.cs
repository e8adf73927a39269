namespace RevBot.Slack.Protocol.WebApi;

/// <summary>A channel, private channel or DM, as far as RevBot needs to know it (absent flags mean Slack did not say).</summary>
public sealed record SlackConversation(string Id)
{
    public string? Name { get; init; }
    public bool? IsChannel { get; init; }
    public bool? IsGroup { get; init; }
    public bool? IsIm { get; init; }
    public bool? IsPrivate { get; init; }
    public bool? IsArchived { get; init; }
    public bool? IsMember { get; init; }

    /// <summary>For a DM, the other user.</summary>
    public string? User { get; init; }
}
