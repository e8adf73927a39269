using System.Text.Json.Nodes;
using static RevBot.Sources.Hubspot.HubspotJson;

namespace RevBot.Sources.Hubspot;

/// <summary>
/// Associations through the v4 batch read (POST crm/v4/associations/{from}/{to}/batch/read): for each record, the one
/// associated record RevBot keeps (a deal's company, an activity's deal): the primary one when HubSpot marks it, else
/// the first.
/// </summary>
internal static class HubspotAssociations
{
    private const int MaxInputs = 1000;

    public static async Task<Dictionary<string, string>> FirstAsync(HubspotApi api, string from, string to, IReadOnlyList<string> ids, CancellationToken ct)
    {
        var first = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var chunk in ids.Chunk(MaxInputs))
        {
            var body = new JsonObject { ["inputs"] = new JsonArray([.. chunk.Select(id => (JsonNode)new JsonObject { ["id"] = id })]) };
            var answer = await api.PostAsync($"crm/v4/associations/{from}/{to}/batch/read", body, ct);
            foreach (var result in Array(answer, "results"))
            {
                if (!result.TryGetProperty("from", out var source) || Str(source, "id") is not { } id) continue;
                var targets = Array(result, "to").ToList();
                var primary = targets.FirstOrDefault(t => Array(t, "associationTypes").Any(a => Str(a, "label") is "Primary"));
                var chosen = primary.ValueKind != System.Text.Json.JsonValueKind.Undefined ? primary : targets.FirstOrDefault();
                if (chosen.ValueKind != System.Text.Json.JsonValueKind.Undefined && Str(chosen, "toObjectId") is { } target) first[id] = target;
            }
        }
        return first;
    }
}
