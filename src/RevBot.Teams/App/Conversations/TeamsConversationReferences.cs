using RevBot.Core.Chat;
using RevBot.Core.Domain;
using RevBot.Teams.Protocol.Activities;

namespace RevBot.Teams.App.Conversations;

/// <summary>
/// Maps a Teams activity to the stored <see cref="ChatConversationReference"/> that proactive messages (alerts, digests)
/// are later sent through, and back to a <see cref="ConversationAddress"/>.
/// </summary>
public static class TeamsConversationReferences
{
    public static ChatConversationReference From(BotActivity activity, DateTime utcNow)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var address = ConversationAddress.From(activity);
        var kind = activity.Conversation?.ConversationType ?? "personal";
        var personal = string.Equals(kind, "personal", StringComparison.Ordinal);
        return new ChatConversationReference
        {
            Platform = ChatPlatform.Teams,
            // A channel thread's id carries ";messageid=…": the reference is the channel itself.
            ConversationId = personal ? address.ConversationId : address.ConversationId.Split(";messageid=", 2)[0],
            Kind = kind,
            ServiceUrl = address.ServiceUrl,
            TenantId = activity.TenantId,
            TeamId = activity.ChannelData?.Team?.Id,
            // A display name, kept for people to read: cut to the column rather than refusing the activity.
            ChannelName = activity.ChannelData?.Channel?.Name is { Length: > ChatConversationReference.MaxChannelNameLength } name
                ? name[..ChatConversationReference.MaxChannelNameLength]
                : activity.ChannelData?.Channel?.Name,
            PlatformUserId = personal ? activity.From?.Id : null,
            BotId = activity.Recipient?.Id,
            UpdatedAt = utcNow,
        };
    }

    public static ConversationAddress ToAddress(ChatConversationReference reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return new ConversationAddress(
            reference.ServiceUrl ?? throw new ArgumentException("The reference has no service URL.", nameof(reference)),
            reference.ConversationId);
    }
}
