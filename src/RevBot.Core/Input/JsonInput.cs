using System.Buffers;
using System.Text.Json;

namespace RevBot.Core.Input;

/// <summary>
/// Reads a JSON body received from outside into a <see cref="JsonElement"/> whose every string (names too) can be read
/// and stored. System.Text.Json checks the structure when it parses but decodes strings only when they are read, so
/// invalid UTF-8 or an escaped lone surrogate (<c>"\uD800"</c>) would otherwise throw deep inside a handler, long
/// after the edge could answer 400. Each edge calls this once where it turns raw bytes into its request.
/// </summary>
public static class JsonInput
{
    /// <summary>
    /// True with the parsed value, or false with <paramref name="error"/> naming the first bad member (<c>$.event.text</c>).
    /// With <paramref name="stripNul"/> NUL characters are removed and lone surrogates replaced (chat: a person can't
    /// resend); without it they are refused like invalid UTF-8 (API: the calling program can).
    /// </summary>
    public static bool TryRead(ReadOnlyMemory<byte> utf8, bool stripNul, out JsonElement value, out string error)
    {
        value = default;
        try
        {
            using var document = JsonDocument.Parse(utf8);
            var dirty = false;
            error = Check(document.RootElement, "$", stripNul, ref dirty) ?? "";
            if (error.Length > 0) return false;
            value = dirty ? Rewrite(document.RootElement) : document.RootElement.Clone();
            return true;
        }
        catch (JsonException ex)
        {
            error = $"not valid JSON ({ex.Message.Split('.')[0]})";
            return false;
        }
    }

    /// <summary>
    /// True when a string member named in <paramref name="limits"/>, at any depth, is longer than its limit: ids that
    /// are stored somewhere, so that one their column cannot hold is refused at the edge rather than failing later.
    /// </summary>
    public static bool HasOverlong(JsonElement element, IReadOnlyDictionary<string, int> limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        return element.ValueKind switch
        {
            JsonValueKind.Object => element.EnumerateObject().Any(p => p.Value.ValueKind == JsonValueKind.String
                ? limits.TryGetValue(p.Name, out var max) && p.Value.GetString()!.Length > max
                : HasOverlong(p.Value, limits)),
            JsonValueKind.Array => element.EnumerateArray().Any(e => HasOverlong(e, limits)),
            _ => false,
        };
    }

    private static string? Check(JsonElement element, string path, bool stripNul, ref bool dirty)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (!TryText(() => property.Name, out var name)) return $"{path}: a member name is not valid UTF-8 text";
                    var at = $"{path}.{Shorten(InputText.Clean(name!))}";
                    if (Bad(name!, at, stripNul, ref dirty) is { } bad) return bad;
                    if (Check(property.Value, at, stripNul, ref dirty) is { } inner) return inner;
                }
                return null;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in element.EnumerateArray())
                    if (Check(item, $"{path}[{i++}]", stripNul, ref dirty) is { } inner) return inner;
                return null;
            case JsonValueKind.String:
                return TryText(element.GetString, out var text) ? Bad(text!, path, stripNul, ref dirty) : $"{path} is not valid UTF-8 text";
            default:
                return null;
        }
    }

    private static string? Bad(string text, string path, bool stripNul, ref bool dirty)
    {
        if (InputText.Problem(text) is not { } problem) return null;
        if (!stripNul) return $"{path} {problem}";
        dirty = true;
        return null;
    }

    // GetString throws InvalidOperationException for a bad escape and a DecoderFallbackException (an ArgumentException) for bad bytes.
    private static bool TryText(Func<string?> read, out string? text)
    {
        try
        {
            text = read();
            return true;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            text = null;
            return false;
        }
    }

    private static JsonElement Rewrite(JsonElement root)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer)) Write(writer, root);
        using var clean = JsonDocument.Parse(buffer.WrittenMemory);
        return clean.RootElement.Clone();
    }

    private static void Write(Utf8JsonWriter writer, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject())
                {
                    writer.WritePropertyName(InputText.Clean(property.Name));
                    Write(writer, property.Value);
                }
                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray()) Write(writer, item);
                writer.WriteEndArray();
                break;
            case JsonValueKind.String:
                writer.WriteStringValue(InputText.Clean(element.GetString()!));
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }

    private static string Shorten(string name) => name.Length <= 40 ? name : name[..40] + "…";
}
