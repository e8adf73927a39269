namespace RevBot.Slack.App.Rendering;

/// <summary>How a reply is shown: its language (for the few words the renderer adds) and, for an ephemeral answer, a share button.</summary>
public sealed record ReplyRenderOptions
{
    public static ReplyRenderOptions Default { get; } = new();

    /// <summary>"en" or "es", as <see cref="Core.Answers.Answer.Language"/>.</summary>
    public string Language { get; init; } = "en";

    /// <summary>When set, adds a "Share in channel" button (action id <see cref="SlackActionIds.Share"/>) carrying this value.</summary>
    public string? ShareValue { get; init; }

    internal bool Spanish => Language == "es";

    internal string AndMoreFormat => Spanish ? "… y {0} más" : "… and {0} more";
}
