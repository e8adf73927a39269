using System.Text.Json;

namespace RevBot.Core.Deals;

/// <summary>What <c>applied_commands.outcome</c> keeps of a result, enough to answer a replay exactly as the first delivery.</summary>
internal sealed record StoredOutcome(DealCommandStatus Status, string Message, int? Version, string? ActorName)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Write(DealCommandResult result) =>
        JsonSerializer.Serialize(new StoredOutcome(result.Status, result.Message, result.Version, result.ActorName), Json);

    public static DealCommandResult Read(string json)
    {
        var stored = JsonSerializer.Deserialize<StoredOutcome>(json, Json) ?? throw new JsonException("empty outcome");
        return new DealCommandResult { Status = stored.Status, Message = stored.Message, Version = stored.Version, ActorName = stored.ActorName, Replayed = true };
    }
}
