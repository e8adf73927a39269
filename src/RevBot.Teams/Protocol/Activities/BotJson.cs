using System.Text.Json;
using System.Text.Json.Serialization;

namespace RevBot.Teams.Protocol.Activities;

/// <summary>The one way RevBot reads and writes Bot Framework JSON: camelCase, nulls omitted, unknown members tolerated.</summary>
public static class BotJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
