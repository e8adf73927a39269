
using RevBot.Teams.Protocol.Activities;

namespace RevBot.Teams.Protocol.Connector;

/// <summary>
/// The body of <c>POST {serviceUrl}/v3/conversations</c>. For a proactive 1:1 chat in Teams: <see cref="Bot"/> is the bot,
/// <see cref="Members"/> the one user ("29:" id or Entra object id), <see cref="TenantId"/> and channelData.tenant set.
/// </summary>
public sealed record ConversationParameters
{
    public bool IsGroup { get; init; }
    public ChannelAccount? Bot { get; init; }
    public IReadOnlyList<ChannelAccount>? Members { get; init; }
    public string? TopicName { get; init; }
    public string? TenantId { get; init; }
    public TeamsChannelData? ChannelData { get; init; }
    public BotActivity? Activity { get; init; }

    public static ConversationParameters Personal(string botId, string userId, string tenantId) => new()
    {
        Bot = new ChannelAccount { Id = botId },
        Members = [new ChannelAccount { Id = userId }],
        TenantId = tenantId,
        ChannelData = new TeamsChannelData { Tenant = new TenantInfo(tenantId) },
    };
}
