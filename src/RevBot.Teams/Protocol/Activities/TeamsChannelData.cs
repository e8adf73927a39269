using System.Text.Json;
using System.Text.Json.Serialization;

namespace RevBot.Teams.Protocol.Activities;

/// <summary>Teams' <c>channelData</c>: the tenant, and for channel conversations the team and channel. Other members are kept.</summary>
public sealed record TeamsChannelData
{
    public TenantInfo? Tenant { get; init; }
    public TeamInfo? Team { get; init; }
    public ChannelInfo? Channel { get; init; }

    /// <summary>For conversationUpdate: teamMemberAdded, channelCreated, teamRenamed, …</summary>
    public string? EventType { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; init; }
}
