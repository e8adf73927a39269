using System.Globalization;
using System.Text.Json;

namespace RevBot.Sources.Hubspot;

/// <summary>Reading HubSpot's JSON: every property value is a string (or null); times are ISO 8601 or epoch milliseconds.</summary>
internal static class HubspotJson
{
    public static string? Prop(JsonElement record, string name) =>
        record.TryGetProperty("properties", out var props) && props.ValueKind == JsonValueKind.Object
        && props.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
        && value.GetString() is { Length: > 0 } text ? text : null;

    public static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v)
            ? v.ValueKind switch
            {
                JsonValueKind.String => v.GetString(),
                JsonValueKind.Number => v.GetRawText(),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                _ => null,
            }
            : null;

    public static string Id(JsonElement record) => Str(record, "id") ?? throw new JsonException("a HubSpot record without an id");

    public static IEnumerable<JsonElement> Array(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array ? v.EnumerateArray() : [];

    /// <summary>The paging cursor of a list answer ("paging.next.after"), or null on the last page.</summary>
    public static string? NextAfter(JsonElement answer) =>
        answer.TryGetProperty("paging", out var paging) && paging.TryGetProperty("next", out var next) ? Str(next, "after") : null;

    public static DateTimeOffset? Time(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var ms)) return DateTimeOffset.FromUnixTimeMilliseconds(ms);
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t)
            ? t : null;
    }

    /// <summary>A time as RevBot's canonical timestamp text, to the millisecond (HubSpot's precision).</summary>
    public static string Canonical(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static string Millis(DateTimeOffset t) => t.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

    public static decimal? Number(string? text) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;
}
