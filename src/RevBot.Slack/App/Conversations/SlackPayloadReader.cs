using System.Text.Json;

namespace RevBot.Slack.App.Conversations;

/// <summary>Reads optional string fields from Slack payloads, which omit what does not apply.</summary>
internal static class SlackPayloadReader
{
    /// <summary>The string at <paramref name="path"/>, or null when any step is missing or not of the expected kind.</summary>
    public static string? Str(this JsonElement element, params ReadOnlySpan<string> path)
    {
        foreach (var name in path)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element)) return null;
        }
        return element.ValueKind == JsonValueKind.String ? element.GetString() : null;
    }

    public static bool Flag(this JsonElement element, params ReadOnlySpan<string> path)
    {
        foreach (var name in path)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element)) return false;
        }
        return element.ValueKind == JsonValueKind.True;
    }
}
