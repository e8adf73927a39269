namespace RevBot.Teams.Protocol.Activities;

/// <summary>Where to post: the connector's service URL and the conversation id (from an activity or a stored reference).</summary>
public sealed record ConversationAddress(string ServiceUrl, string ConversationId)
{
    public static ConversationAddress From(BotActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return new ConversationAddress(
            activity.ServiceUrl ?? throw new ArgumentException("The activity has no serviceUrl.", nameof(activity)),
            activity.Conversation?.Id ?? throw new ArgumentException("The activity has no conversation id.", nameof(activity)));
    }
}
