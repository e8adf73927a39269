namespace RevBot.Core.Conversation;

/// <summary>The stored context of one conversation (a thread, a DM, a chat, a CLI session), so follow-ups work across restarts and instances.</summary>
public sealed class ConversationState
{
    /// <summary>The <c>conversations.key</c> column's size: a longer key could not be stored, so edges refuse it first.</summary>
    public const int MaxKeyLength = 300;

    public required string Key { get; set; }
    public required string State { get; set; }
    public DateTime UpdatedAt { get; set; }
}
