namespace RevBot.Teams.Protocol.Activities;

/// <summary>Teams puts <c>&lt;at&gt;RevBot&lt;/at&gt;</c> in the text of a channel message that @mentions the bot.</summary>
public static class Mentions
{
    public static IEnumerable<Entity> Of(BotActivity activity) =>
        (activity?.Entities ?? []).Where(e => string.Equals(e.Type, Entity.MentionType, StringComparison.OrdinalIgnoreCase));

    public static bool MentionsRecipient(BotActivity activity) =>
        activity?.Recipient?.Id is { } botId && Of(activity).Any(m => m.Mentioned?.Id == botId);

    /// <summary>The text with the bot's own mention removed and whitespace trimmed: what the user asked.</summary>
    public static string TextWithoutBotMention(BotActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var text = activity.Text ?? "";
        foreach (var mention in Of(activity).Where(m => m.Mentioned?.Id == activity.Recipient?.Id && !string.IsNullOrEmpty(m.Text)))
            text = text.Replace(mention.Text!, "", StringComparison.Ordinal);
        return string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }
}
