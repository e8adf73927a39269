using RevBot.Core.Localization;

namespace RevBot.Slack.App.Rendering;

/// <summary>How a reply is shown: its language (for the few words the renderer adds) and, for an ephemeral answer, a share button.</summary>
public sealed record ReplyRenderOptions
{
    public static ReplyRenderOptions Default { get; } = new();

    /// <summary>"en" or "es", as <see cref="Core.Answers.Answer.Language"/>.</summary>
    public string Language { get; init; } = "en";

    /// <summary>When set, adds a "Share in channel" button (action id <see cref="SlackActionIds.Share"/>) carrying this value.</summary>
    public string? ShareValue { get; init; }

    /// <summary>"… and {0} more" under a cut table, chart or list of facts, in the reply's language.</summary>
    internal string AndMoreFormat => Texts.Get(Language, nameof(Catalog.ChatAndMore));
}
