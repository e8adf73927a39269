using System.Text.Json;
using System.Text.Json.Serialization;

namespace RevBot.Sources.Stripe;

/// <summary>
/// Where a Stripe sync stands, stored as JSON under the object "subscriptions". While a full listing runs,
/// <see cref="Listing"/> is true and <see cref="After"/> is the last subscription committed, so an interrupted listing
/// resumes after it. <see cref="Event"/> is the last event processed (at the start of a full listing: the newest event
/// then, so that what changed during the listing is read next); with no event yet, <see cref="Since"/> is when the
/// listing started and events from then on are read.
/// </summary>
internal sealed record StripeCursor(
    [property: JsonPropertyName("listing")] bool Listing,
    [property: JsonPropertyName("after")] string? After,
    [property: JsonPropertyName("event")] string? Event,
    [property: JsonPropertyName("since")] long? Since)
{
    public const string Object = "subscriptions";

    /// <summary>The stored cursor, or null for none (a full sync) or one this version cannot read.</summary>
    public static StripeCursor? Parse(string? position)
    {
        if (string.IsNullOrWhiteSpace(position)) return null;
        try
        {
            return JsonSerializer.Deserialize<StripeCursor>(position);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public string Format() => JsonSerializer.Serialize(this);

    public DateTime SinceTime => DateTimeOffset.FromUnixTimeSeconds(Since ?? 0).UtcDateTime;
}
