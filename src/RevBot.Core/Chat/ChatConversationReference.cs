using RevBot.Core.Domain;

namespace RevBot.Core.Chat;

/// <summary>
/// Where RevBot can post without being asked (alerts, digests): a Teams conversation reference stored on install, or a
/// Slack channel/DM. Keyed by platform + conversation id; never by a channel's name.
/// </summary>
public sealed class ChatConversationReference
{
    /// <summary>The sizes of the <c>conversation_id</c>, <c>service_url</c>, <c>kind</c> and <c>channel_name</c> columns.</summary>
    public const int MaxConversationIdLength = 300, MaxServiceUrlLength = 500, MaxKindLength = 16, MaxChannelNameLength = 200;

    public long Id { get; set; }

    public required ChatPlatform Platform { get; set; }
    public required string ConversationId { get; set; }

    /// <summary>"personal", "channel" or "groupChat".</summary>
    public required string Kind { get; set; }
    public string? ServiceUrl { get; set; }
    public string? TenantId { get; set; }
    public string? TeamId { get; set; }
    public string? ChannelName { get; set; }

    /// <summary>For personal conversations: the RevBot user it reaches.</summary>
    public int? UserId { get; set; }

    /// <summary>The platform's own user id for personal conversations (Teams AAD object id / 29: id, Slack user id).</summary>
    public string? PlatformUserId { get; set; }
    public string? BotId { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>False once the platform said the conversation is gone (archived channel, app removed).</summary>
    public bool Active { get; set; } = true;
}
