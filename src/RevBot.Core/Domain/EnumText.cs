using System.Collections.Frozen;
using System.Text;

namespace RevBot.Core.Domain;

/// <summary>
/// The one spelling of our enums outside C#: snake_case ("best_case", "revops"), used in the database, CSV and JSON,
/// so a value means the same thing everywhere and survives renames of nothing but casing.
/// </summary>
public static class EnumText
{
    public static string Format<T>(T value) where T : struct, Enum => Cache<T>.ToText[value];

    public static T Parse<T>(string text) where T : struct, Enum =>
        TryParse<T>(text, out var value) ? value : throw new FormatException($"'{text}' is not one of: {string.Join(", ", Names<T>())}");

    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var key = text.Trim().Replace('-', '_').Replace(' ', '_').ToLowerInvariant();
        return Cache<T>.FromText.TryGetValue(key, out value);
    }

    public static IReadOnlyList<string> Names<T>() where T : struct, Enum => Cache<T>.Names;

    private static string ToSnake(string name)
    {
        var sb = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0) sb.Append('_');
            sb.Append(char.ToLowerInvariant(name[i]));
        }
        return sb.ToString();
    }

    private static class Cache<T> where T : struct, Enum
    {
        public static readonly FrozenDictionary<T, string> ToText =
            Enum.GetValues<T>().ToFrozenDictionary(v => v, v => ToSnake(v.ToString()));

        public static readonly FrozenDictionary<string, T> FromText =
            ToText.ToFrozenDictionary(kv => kv.Value, kv => kv.Key);

        public static readonly IReadOnlyList<string> Names = [.. ToText.Values];
    }
}
