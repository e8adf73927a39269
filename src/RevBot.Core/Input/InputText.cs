using System.Text;

namespace RevBot.Core.Input;

/// <summary>
/// Text as every database RevBot runs on can store it. PostgreSQL refuses NUL (U+0000) in text (22021) and Npgsql
/// refuses to encode a lone UTF-16 surrogate; SQLite takes both. No person types either, so the chat edges remove them
/// (<see cref="Clean"/>) and the API refuses them (<see cref="Problem"/>) before anything reaches the database.
/// </summary>
public static class InputText
{
    /// <summary>Null when <paramref name="text"/> can be stored as it is, else what is wrong with it, in one phrase.</summary>
    public static string? Problem(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0') return "contains a NUL character (\\u0000)";
            if (!char.IsSurrogate(c)) continue;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
            else return "contains a lone UTF-16 surrogate, which is not text";
        }
        return null;
    }

    /// <summary>The text without NUL characters, each lone surrogate replaced by U+FFFD (the same text when it is clean).</summary>
    public static string Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (Problem(text) is null) return text;
        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0') continue;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) clean.Append(c).Append(text[++i]);
            else clean.Append(char.IsSurrogate(c) ? '\uFFFD' : c);
        }
        return clean.ToString();
    }
}
