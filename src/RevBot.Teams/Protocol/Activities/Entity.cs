using System.Text.Json;
using System.Text.Json.Serialization;

namespace RevBot.Teams.Protocol.Activities;

/// <summary>
/// Metadata on an activity. RevBot reads <c>mention</c> entities (who was @mentioned and the <c>&lt;at&gt;</c> text);
/// others (clientInfo, …) keep their members in <see cref="Properties"/>.
/// </summary>
public sealed record Entity
{
    public const string MentionType = "mention";

    public required string Type { get; init; }
    public ChannelAccount? Mentioned { get; init; }
    public string? Text { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; init; }
}
