using System.Text.Json;
using System.Text.Json.Serialization;
using RevBot.Core.Domain;

namespace RevBot.Core.Sources;

/// <summary>
/// What <see cref="CrmWrite.Changes"/> holds: the canonical deal fields to write with their new text (deals.csv column
/// names and spellings: "close_date" → "2026-12-15"), the same fields' values before the change (so a refused write
/// can be undone without asking the CRM), an activity to log, and the chat the change came from (where the requester
/// is told the CRM's late answer).
/// </summary>
public sealed record CrmWriteChanges
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public IReadOnlyDictionary<string, string?> Fields { get; init; } = new Dictionary<string, string?>();

    /// <summary>The local values before the change, of <see cref="Fields"/> and of <c>closed_at</c>.</summary>
    public IReadOnlyDictionary<string, string?> Before { get; init; } = new Dictionary<string, string?>();

    public CrmWriteActivity? Activity { get; init; }

    /// <summary>Where the change was made (Slack, Teams, API, CLI): the requester's chat for a late answer.</summary>
    public ChangeChannel Channel { get; init; }

    public string Serialize() => JsonSerializer.Serialize(this, Json);

    /// <exception cref="JsonException">The text is not a change.</exception>
    public static CrmWriteChanges Read(string json) =>
        JsonSerializer.Deserialize<CrmWriteChanges>(json, Json) ?? throw new JsonException("The changes are null.");
}

/// <summary>An activity logged from chat on a synced deal, to become a CRM note or task; <see cref="Id"/> is RevBot's row.</summary>
public sealed record CrmWriteActivity(string Id, string Type, string Subject, DateTime OccurredAt, string? OwnerEmail);
