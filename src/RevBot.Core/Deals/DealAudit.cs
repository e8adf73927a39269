using System.Text.Json;
using System.Text.Json.Nodes;
using RevBot.Core.Domain;

namespace RevBot.Core.Deals;

/// <summary>Writes and reads the audit log's <c>changes</c> JSON: an object of field: [old, new].</summary>
internal static class DealAudit
{
    public const string Entity = "deal";

    public static AuditEntry Entry(string dealId, int? userId, ChangeChannel channel, string action, IEnumerable<DealFieldChange> changes, int? version, DateTime at)
    {
        var json = new JsonObject();
        foreach (var change in changes)
            json[change.Field] = new JsonArray(change.Old?.DeepClone(), change.New?.DeepClone());
        return new AuditEntry
        {
            At = at,
            UserId = userId,
            Channel = channel,
            Entity = Entity,
            EntityId = dealId,
            Action = action,
            Changes = json.ToJsonString(),
            Version = version,
        };
    }

    public static IReadOnlyList<DealFieldChange> Read(string? changes)
    {
        if (string.IsNullOrWhiteSpace(changes)) return [];
        try
        {
            if (JsonNode.Parse(changes) is not JsonObject json) return [];
            return [.. json.Select(p => p.Value is JsonArray { Count: 2 } pair
                ? new DealFieldChange(p.Key, pair[0]?.DeepClone(), pair[1]?.DeepClone())
                : new DealFieldChange(p.Key, null, p.Value?.DeepClone()))];
        }
        catch (JsonException)
        {
            // An entry written by hand or an older version that does not read is shown without its details.
            return [];
        }
    }
}
