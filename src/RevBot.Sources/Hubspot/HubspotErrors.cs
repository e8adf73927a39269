using System.Text.Json;
using static RevBot.Sources.Hubspot.HubspotJson;

namespace RevBot.Sources.Hubspot;

/// <summary>
/// HubSpot's refusal of a write (400, category VALIDATION_ERROR) as field errors by canonical field, in HubSpot's own
/// words. The property is named in each error's <c>context.propertyName</c>; older answers only list it inside the
/// message ("Property values were not valid: [{…"name":"dealstage"…}]"), which is read too.
/// </summary>
internal static class HubspotErrors
{
    public static Dictionary<string, string> FieldErrors(string body, IReadOnlyDictionary<string, string?> fields, string? discountProperty = null)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement;
            foreach (var error in Array(root, "errors"))
            {
                var property = error.TryGetProperty("context", out var context) ? Array(context, "propertyName").Select(p => p.GetString()).FirstOrDefault() : null;
                if (property is not null && Str(error, "message") is { } message) errors.TryAdd(HubspotDealFields.FieldOf(property, fields, discountProperty), message);
            }
            if (errors.Count == 0 && Str(root, "message") is { } text && text.IndexOf('[', StringComparison.Ordinal) is var start and >= 0)
            {
                using var listed = JsonDocument.Parse(text[start..]);
                foreach (var item in listed.RootElement.EnumerateArray())
                    if (Str(item, "name") is { } name && Str(item, "message") is { } message) errors.TryAdd(HubspotDealFields.FieldOf(name, fields, discountProperty), message);
            }
        }
        catch (JsonException)
        {
            // Not HubSpot's JSON: the caller reports the status alone.
        }
        return errors;
    }
}
