using RevBot.Core.Domain;
using RevBot.Core.Localization;
using RevBot.Core.Outbox;
using RevBot.Core.Replies;

namespace RevBot.Core.Approvals;

/// <summary>Outbox rows for approval messages: a direct message to a person, or a post in the deal-desk channel.</summary>
internal static class ApprovalOutbox
{
    /// <summary>On the chat the person is known on (Slack when neither id is known yet: the dispatcher may find them by e-mail).</summary>
    public static OutboxMessage ToPerson(string kind, User user, Reply reply, DateTime now) => new()
    {
        Kind = kind,
        Platform = user.SlackUserId is null && user.TeamsUserId is not null ? ChatPlatform.Teams : ChatPlatform.Slack,
        ChannelId = "",
        RecipientUserId = user.Id,
        Payload = ReplyJson.Serialize(reply with { Language = reply.Language ?? PersonLanguage.Resolve(user.Language, user.ChatLocale) }),
        CreatedAt = now,
        AvailableAt = now,
    };

    public static OutboxMessage ToChannel(string kind, ChannelTarget target, Reply reply, DateTime now) => new()
    {
        Kind = kind,
        Platform = target.Platform,
        ChannelId = target.ChannelId,
        Payload = ReplyJson.Serialize(reply),
        CreatedAt = now,
        AvailableAt = now,
    };
}
