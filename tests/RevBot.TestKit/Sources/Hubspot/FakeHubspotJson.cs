using System.Text.Json.Nodes;
using static RevBot.Testing.Sources.Hubspot.FakeHubspotStore;

namespace RevBot.Testing.Sources.Hubspot;

/// <summary>The fake's answers, in the shapes of HubSpot's CRM API v3 (checked against @hubspot/api-client's types).</summary>
internal static class FakeHubspotJson
{
    public static JsonObject Record(FakeHubspotRecord r, IEnumerable<string>? properties, bool withHistory = false)
    {
        var props = new JsonObject();
        var names = properties?.ToList() ?? [.. r.Properties.Keys];
        foreach (var always in new[] { "hs_object_id", "createdate", ModifiedProperty(r.Type) })
            if (!names.Contains(always)) names.Add(always);
        foreach (var name in names.Distinct(StringComparer.Ordinal)) props[name] = r[name];
        var json = new JsonObject
        {
            ["id"] = r.Id,
            ["properties"] = props,
            ["createdAt"] = Iso(r.CreatedAt),
            ["updatedAt"] = Iso(r.ModifiedAt),
            ["archived"] = r.ArchivedAt is not null,
        };
        if (r.ArchivedAt is { } archivedAt) json["archivedAt"] = Iso(archivedAt);
        if (withHistory)
        {
            // Newest first, as HubSpot lists a property's history.
            var history = new JsonArray();
            foreach (var (value, at) in Enumerable.Reverse(r.StageHistory))
                history.Add(new JsonObject { ["value"] = value, ["timestamp"] = Iso(at), ["sourceType"] = "CRM_UI" });
            json["propertiesWithHistory"] = new JsonObject { ["dealstage"] = history };
        }
        return json;
    }

    public static JsonObject Owner(FakeHubspotOwner o, DateTimeOffset at)
    {
        var json = new JsonObject
        {
            ["id"] = o.Id, ["email"] = o.Email, ["type"] = "PERSON", ["firstName"] = o.FirstName, ["lastName"] = o.LastName,
            ["userId"] = int.Parse(o.Id, System.Globalization.CultureInfo.InvariantCulture) + 90000,
            ["createdAt"] = Iso(at), ["updatedAt"] = Iso(at), ["archived"] = false,
        };
        if (o.Team is not null) json["teams"] = new JsonArray(new JsonObject { ["id"] = "team-" + o.Team.ToLowerInvariant(), ["name"] = o.Team, ["primary"] = true });
        return json;
    }

    public static JsonObject Pipeline(FakeHubspotPipeline p, int order, DateTimeOffset at)
    {
        var stages = new JsonArray();
        var i = 0;
        foreach (var s in p.Stages)
        {
            stages.Add(new JsonObject
            {
                ["id"] = s.Id, ["label"] = s.Label, ["displayOrder"] = i++, ["archived"] = false,
                ["metadata"] = new JsonObject
                {
                    ["isClosed"] = s.IsClosed ? "true" : "false",
                    ["probability"] = s.Probability.ToString("0.0##", System.Globalization.CultureInfo.InvariantCulture),
                },
                ["writePermissions"] = "CRM_PERMISSIONS_ENFORCEMENT", ["createdAt"] = Iso(at), ["updatedAt"] = Iso(at),
            });
        }
        return new JsonObject
        {
            ["id"] = p.Id, ["label"] = p.Label, ["displayOrder"] = order, ["archived"] = false, ["stages"] = stages,
            ["createdAt"] = Iso(at), ["updatedAt"] = Iso(at),
        };
    }

    public static JsonObject Paged(JsonArray results, string? nextAfter, string link)
    {
        var json = new JsonObject { ["results"] = results };
        if (nextAfter is not null) json["paging"] = new JsonObject { ["next"] = new JsonObject { ["after"] = nextAfter, ["link"] = link } };
        return json;
    }

    public static JsonObject Batch(JsonArray results, DateTimeOffset at) => new()
    {
        ["status"] = "COMPLETE", ["results"] = results, ["startedAt"] = Iso(at), ["completedAt"] = Iso(at),
    };

    /// <summary>HubSpot's error body as its client types it (ModelError): message, correlationId, category, per-field errors.</summary>
    public static JsonObject Error(string category, string message, IEnumerable<(string Property, string Code, string Message)>? errors = null)
    {
        var json = new JsonObject
        {
            ["message"] = message, ["correlationId"] = Guid.NewGuid().ToString(), ["category"] = category,
        };
        if (errors is not null)
        {
            json["errors"] = new JsonArray([.. errors.Select(e => (JsonNode)new JsonObject
            {
                ["message"] = e.Message, ["code"] = e.Code, ["context"] = new JsonObject { ["propertyName"] = new JsonArray(e.Property) },
            })]);
        }
        return json;
    }
}
