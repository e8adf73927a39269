namespace RevBot.Core.Localization;

/// <summary>
/// Recognises a text by the catalog key that wrote it rather than by its words: "since Oct 1, 2026" and
/// "desde el 1 oct 2026" are both <c>PeriodSince</c> filled in, so a new catalog is recognised without code.
/// </summary>
public static class TextShape
{
    private const string Hole = "\u0001";

    /// <summary>True when <paramref name="text"/> is <paramref name="key"/>'s one-placeholder sentence, filled, in any catalog language.</summary>
    public static bool IsFilled(string text, string key)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var language in Texts.Languages)
        {
            var parts = Texts.Get(language, key, Hole).Split(Hole);
            if (parts.Length == 2 && text.Length > parts[0].Length + parts[1].Length
                && text.StartsWith(parts[0], StringComparison.Ordinal) && text.EndsWith(parts[1], StringComparison.Ordinal))
                return true;
        }
        return false;
    }
}
