using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Primitives;

namespace RevBot.Testing.Sources.Hubspot;

public sealed partial class FakeHubspot
{
    private const int MaxSearchLimit = 200;
    private const int MaxBatchInputs = 100;
    private const int MaxHistoryInputs = 50;

    private (int, JsonNode?) Owners(Dictionary<string, StringValues> query)
    {
        var owners = Store.Owners.Where(o => Q(query, "email") is not { } email || string.Equals(o.Email, email, StringComparison.OrdinalIgnoreCase)).ToList();
        return Page(owners, query, o => FakeHubspotJson.Owner(o, Store.Clock), "crm/v3/owners");
    }

    private (int, JsonNode?) Pipelines() =>
        (200, new JsonObject { ["results"] = new JsonArray([.. Store.Pipelines.Select((p, i) => (JsonNode)FakeHubspotJson.Pipeline(p, i, Store.Clock))]) });

    private (int, JsonNode?) Search(string type, string body)
    {
        var request = JsonNode.Parse(body)!.AsObject();
        var limit = request["limit"]?.GetValue<int>() ?? 10;
        var after = int.TryParse(request["after"]?.GetValue<string>(), NumberStyles.None, CultureInfo.InvariantCulture, out var a) ? a : 0;
        if (limit > MaxSearchLimit) return (400, FakeHubspotJson.Error("VALIDATION_ERROR", $"limit must be at most {MaxSearchLimit}."));
        if (after + limit > SearchWindow)
            return (400, FakeHubspotJson.Error("VALIDATION_ERROR", $"The search API cannot page past {SearchWindow} results (after={after}, limit={limit})."));
        var modified = FakeHubspotStore.ModifiedProperty(type);
        var sorts = request["sorts"]?.AsArray() ?? [];
        if (sorts.Count > 0 && SortProperty(sorts[0]!) != modified) return (400, FakeHubspotJson.Error("VALIDATION_ERROR", "The fake sorts by the modification date only."));
        var since = DateTimeOffset.MinValue;
        foreach (var filter in (request["filterGroups"]?.AsArray() ?? []).SelectMany(g => g!["filters"]!.AsArray()))
        {
            if (filter!["propertyName"]!.GetValue<string>() != modified || filter["operator"]!.GetValue<string>() != "GTE")
                return (400, FakeHubspotJson.Error("VALIDATION_ERROR", "The fake filters by the modification date (GTE) only."));
            since = Time(filter["value"]!.GetValue<string>());
        }
        var sorted = Store.Sorted(type);
        var start = FirstAtOrAfter(sorted, since);
        var total = sorted.Length - start;
        var properties = (request["properties"]?.AsArray() ?? []).Select(p => p!.GetValue<string>()).ToList();
        var page = sorted.Skip(start + after).Take(limit).Select(r => (JsonNode)FakeHubspotJson.Record(r, properties)).ToArray();
        var json = new JsonObject { ["total"] = total, ["results"] = new JsonArray(page) };
        if (after + page.Length < total)
            json["paging"] = new JsonObject { ["next"] = new JsonObject { ["after"] = (after + page.Length).ToString(CultureInfo.InvariantCulture) } };
        return (200, json);
    }

    private (int, JsonNode?) BatchRead(string type, string body)
    {
        var request = JsonNode.Parse(body)!.AsObject();
        var ids = request["inputs"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()).ToList();
        var history = (request["propertiesWithHistory"]?.AsArray() ?? []).Select(p => p!.GetValue<string>()).ToList();
        if (ids.Count > (history.Count > 0 ? MaxHistoryInputs : MaxBatchInputs))
            return (400, FakeHubspotJson.Error("VALIDATION_ERROR", "Too many inputs for one batch read."));
        var properties = (request["properties"]?.AsArray() ?? []).Select(p => p!.GetValue<string>()).ToList();
        var results = ids.Select(id => Store.Find(type, id)).Where(r => r is { ArchivedAt: null })
            .Select(r => (JsonNode)FakeHubspotJson.Record(r!, properties, withHistory: history.Contains("dealstage")));
        return (200, FakeHubspotJson.Batch(new JsonArray([.. results]), Store.Clock));
    }

    private (int, JsonNode?) Associations(string from, string to, string body)
    {
        var ids = JsonNode.Parse(body)!["inputs"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()).ToList();
        if (ids.Count > 1000) return (400, FakeHubspotJson.Error("VALIDATION_ERROR", "At most 1000 inputs."));
        var results = new JsonArray();
        foreach (var record in ids.Select(id => Store.Find(from, id)).OfType<FakeHubspotRecord>())
        {
            if (!record.Associations.TryGetValue(to, out var targets) || targets.Count == 0) continue;
            results.Add(new JsonObject
            {
                ["from"] = new JsonObject { ["id"] = record.Id },
                ["to"] = new JsonArray([.. targets.Select((t, i) => (JsonNode)new JsonObject
                {
                    ["toObjectId"] = t,
                    ["associationTypes"] = new JsonArray(i == 0
                        ? [new JsonObject { ["category"] = "HUBSPOT_DEFINED", ["typeId"] = 5, ["label"] = "Primary" }, Unlabelled()]
                        : [Unlabelled()]),
                })]),
            });
        }
        return (200, FakeHubspotJson.Batch(results, Store.Clock));

        static JsonNode Unlabelled() => new JsonObject { ["category"] = "HUBSPOT_DEFINED", ["typeId"] = 341 };
    }

    private (int, JsonNode?) Archived(string type, Dictionary<string, StringValues> query) =>
        Page(Store.All(type).Where(r => r.ArchivedAt is not null).OrderBy(r => r.ArchivedAt).ToList(), query,
            r => FakeHubspotJson.Record(r, []), $"crm/v3/objects/{type}");

    private (int, JsonNode?) ReadOne(string type, string id, Dictionary<string, StringValues> query)
    {
        if (Store.Find(type, id) is not { ArchivedAt: null } record) return (404, FakeHubspotJson.Error("OBJECT_NOT_FOUND", "resource not found"));
        var properties = (Q(query, "properties") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).ToList();
        return (200, FakeHubspotJson.Record(record, properties.Count == 0 ? null : properties));
    }

    private (int, JsonNode?) Page<T>(List<T> all, Dictionary<string, StringValues> query, Func<T, JsonObject> render, string path)
    {
        var limit = int.TryParse(Q(query, "limit"), out var l) ? Math.Min(l, 100) : 100;
        var after = int.TryParse(Q(query, "after"), out var a) ? a : 0;
        var page = all.Skip(after).Take(limit).Select(x => (JsonNode)render(x)).ToArray();
        var next = after + page.Length < all.Count ? (after + page.Length).ToString(CultureInfo.InvariantCulture) : null;
        return (200, FakeHubspotJson.Paged(new JsonArray(page), next, new Uri(BaseUri, $"{path}?after={next}").ToString()));
    }

    private static string? Q(Dictionary<string, StringValues> query, string name) =>
        query.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;

    private static string SortProperty(JsonNode sort) => sort.GetValueKind() == JsonValueKind.String
        ? sort.GetValue<string>().TrimStart('-')
        : sort["propertyName"]!.GetValue<string>();

    internal static DateTimeOffset Time(string text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    private static int FirstAtOrAfter(FakeHubspotRecord[] sorted, DateTimeOffset since)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (sorted[mid].ModifiedAt < since) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
