using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RevBot.Testing.Sources.Hubspot;

public sealed partial class FakeHubspot
{
    private static readonly string[] ForecastCategories = ["OMIT", "PIPELINE", "BEST_CASE", "COMMIT", "CLOSED"];

    private (int, JsonNode?) Patch(string id, string body)
    {
        if (Store.Find("deals", id) is not { ArchivedAt: null } deal) return (404, FakeHubspotJson.Error("OBJECT_NOT_FOUND", "resource not found"));
        var properties = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (name, value) in JsonNode.Parse(body)!["properties"]!.AsObject())
            properties[name] = value?.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value?.ToJsonString();
        var refused = Validate(deal, properties).ToList();
        if (refused.Count > 0)
        {
            // HubSpot lists the refused properties twice: as JSON inside the message, and as errors with their context.
            var listed = JsonSerializer.Serialize(refused.Select(r => new { isValid = false, message = r.Message, error = r.Code, name = r.Property }));
            return (400, FakeHubspotJson.Error("VALIDATION_ERROR", "Property values were not valid: " + listed, refused));
        }
        Store.Change(deal, properties);
        return (200, FakeHubspotJson.Record(deal, null));
    }

    private IEnumerable<(string Property, string Code, string Message)> Validate(FakeHubspotRecord deal, IReadOnlyDictionary<string, string?> properties)
    {
        foreach (var (name, value) in properties)
        {
            if (string.IsNullOrEmpty(value)) continue;
            switch (name)
            {
                case "dealstage":
                    var pipeline = Store.Pipelines.FirstOrDefault(p => p.Id == deal["pipeline"]) ?? Store.Pipelines[0];
                    if (pipeline.Stages.All(s => s.Id != value))
                        yield return (name, "INVALID_OPTION", $"{value} was not one of the allowed options: [{string.Join(", ", pipeline.Stages.Select(s => s.Id))}]");
                    break;
                case "amount" or "hs_forecast_probability" when !decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _):
                    yield return (name, "INVALID_FLOAT", $"{value} is not a valid number");
                    break;
                case "closedate" when !DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _)
                                      && !long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _):
                    yield return (name, "INVALID_DATE", $"{value} is not a valid date");
                    break;
                case "hs_manual_forecast_category" when !ForecastCategories.Contains(value):
                    yield return (name, "INVALID_OPTION", $"{value} was not one of the allowed options: [{string.Join(", ", ForecastCategories)}]");
                    break;
            }
        }
        foreach (var (property, message) in Rules?.Invoke(deal, properties) ?? []) yield return (property, "INVALID_PROPERTY_VALUE", message);
    }

    private (int, JsonNode?) CreateNote(string body)
    {
        var request = JsonNode.Parse(body)!.AsObject();
        var properties = request["properties"]!.AsObject().ToDictionary(p => p.Key, p => p.Value?.GetValue<string>(), StringComparer.Ordinal);
        var deals = new List<FakeHubspotRecord>();
        foreach (var association in request["associations"]?.AsArray() ?? [])
        {
            var to = association!["to"]!["id"]!.GetValue<string>();
            if (Store.Find("deals", to) is not { ArchivedAt: null } deal) return (404, FakeHubspotJson.Error("OBJECT_NOT_FOUND", $"deal {to} not found"));
            deals.Add(deal);
        }
        var note = Store.Create("notes", properties);
        foreach (var deal in deals) Associate(note, deal);
        return (201, FakeHubspotJson.Record(note, null));
    }
}
