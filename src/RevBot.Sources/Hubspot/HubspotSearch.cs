using System.Text.Json;
using System.Text.Json.Nodes;
using RevBot.Sources.Sync;

namespace RevBot.Sources.Hubspot;

/// <summary>
/// Reads every record of an object changed since a time through the CRM search API, oldest change first. The API pages
/// with <c>after</c> but refuses to go past its result window (10,000 per query), so the read is cut into time slices:
/// when the next page would cross the window, a new query starts at the last modification time read (GTE, so records
/// sharing that millisecond are read again rather than missed; the upsert makes that harmless).
/// </summary>
internal sealed class HubspotSearch(HubspotApi api, int window, int pageSize)
{
    public sealed record Page(IReadOnlyList<JsonElement> Results, DateTimeOffset? LastModified);

    public async IAsyncEnumerable<Page> ReadAsync(
        string objectType, string modifiedProperty, IReadOnlyList<string> properties, DateTimeOffset? since,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var sliceStart = since;
        var offset = 0;
        while (true)
        {
            var answer = await api.PostAsync($"crm/v3/objects/{objectType}/search", Request(modifiedProperty, properties, sliceStart, offset), ct);
            var results = HubspotJson.Array(answer, "results").ToList();
            var last = results.Count == 0 ? null : HubspotJson.Time(HubspotJson.Prop(results[^1], modifiedProperty));
            if (results.Count > 0) yield return new Page(results, last);
            if (HubspotJson.NextAfter(answer) is null || results.Count == 0) yield break;
            offset += results.Count;
            if (offset + pageSize <= window) continue;
            // The next page would cross the window: start a new slice at the last time read.
            if (last is null || last == sliceStart)
                throw new SyncFailedException($"HubSpot {objectType}: more than {window} records share the modification time {last:O}; the search API cannot page past them.");
            sliceStart = last;
            offset = 0;
        }
    }

    private JsonObject Request(string modifiedProperty, IReadOnlyList<string> properties, DateTimeOffset? since, int offset)
    {
        var filters = new JsonArray();
        if (since is { } from)
            filters.Add(new JsonObject { ["filters"] = new JsonArray(new JsonObject
            {
                ["propertyName"] = modifiedProperty, ["operator"] = "GTE", ["value"] = HubspotJson.Millis(from),
            }) });
        var request = new JsonObject
        {
            ["filterGroups"] = filters,
            // A bare property name sorts ascending.
            ["sorts"] = new JsonArray(modifiedProperty),
            ["properties"] = new JsonArray([.. properties.Select(p => (JsonNode)p)]),
            ["limit"] = pageSize,
        };
        if (offset > 0) request["after"] = offset.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return request;
    }
}
