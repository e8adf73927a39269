using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Globalization;
using System.Resources;

namespace RevBot.Core.Localization;

/// <summary>
/// Every user-facing sentence, in the language of the person it is for. The catalogs are <c>Catalog.resx</c> (English,
/// the fallback) and one <c>Catalog.&lt;language&gt;.resx</c> per other language; a key is named with
/// <c>nameof(Catalog.Key)</c> so the compiler checks it exists. The language is passed on every call, never taken from
/// the thread's culture: one process answers people in different languages at once.
/// </summary>
public static class Texts
{
    /// <summary>The language of <c>Catalog.resx</c>.</summary>
    public const string Neutral = "en";

    /// <summary>The languages there is a catalog for, found from the catalogs shipped (a new file adds one).</summary>
    public static IReadOnlySet<string> Languages { get; } = Discover();

    /// <summary>
    /// Every text looked up so far, by culture and key: the resource manager takes a lock for each lookup, which eight
    /// answers composed at once queued on (an answer reads 20–40 texts), and the catalogs never change in a process.
    /// </summary>
    private static readonly ConcurrentDictionary<(string Culture, string Key), string> Kept = new();

    /// <summary>The sentence for <paramref name="key"/> in <paramref name="language"/> (English when there is no catalog for it).</summary>
    public static string Get(string? language, string key)
    {
        var culture = CultureOf(language);
        return Kept.TryGetValue((culture.Name, key), out var text) ? text : Kept.GetOrAdd((culture.Name, key), Look, culture);
    }

    private static string Look((string Culture, string Key) k, CultureInfo culture) =>
        Catalog.ResourceManager.GetString(k.Key, culture) ?? throw new KeyNotFoundException($"No text '{k.Key}' in the catalog.");

    /// <summary>The sentence with its placeholders filled, numbers and dates written the language's way.</summary>
    public static string Get(string? language, string key, params object?[] args)
    {
        var culture = CultureOf(language);
        return string.Format(culture, Get(language, key), args);
    }

    /// <summary>
    /// The catalog language for a platform locale ("es-ES", "es_419", "ES" → "es"); English for none or for a language
    /// without a catalog.
    /// </summary>
    public static string LanguageOf(string? locale)
    {
        var code = locale?.Split('-', '_')[0].Trim().ToLowerInvariant();
        return code is { Length: > 0 } && Languages.Contains(code) ? code : Neutral;
    }

    /// <summary>The culture a language's text is looked up in: the neutral one for English and for a language RevBot does not speak.</summary>
    public static CultureInfo CultureOf(string? language) =>
        language is not null && language != Neutral && Languages.Contains(language)
            ? CultureInfo.GetCultureInfo(language)
            : CultureInfo.InvariantCulture;

    /// <summary>
    /// Probes the satellite folders next to the assembly: a culture folder counts only when it holds RevBot's catalog
    /// (libraries ship their own satellites for many more cultures).
    /// </summary>
    private static FrozenSet<string> Discover()
    {
        var found = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { Neutral };
        var dir = AppContext.BaseDirectory;
        var file = typeof(Texts).Assembly.GetName().Name + ".resources.dll";
        foreach (var sub in Directory.Exists(dir) ? Directory.GetDirectories(dir) : [])
        {
            var name = Path.GetFileName(sub);
            if (File.Exists(Path.Combine(sub, file)) && IsCulture(name)
                && Catalog.ResourceManager.GetResourceSet(CultureInfo.GetCultureInfo(name), true, false) is not null)
                found.Add(name);
        }
        return found.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }

    private static bool IsCulture(string name)
    {
        try { return CultureInfo.GetCultureInfo(name, predefinedOnly: true).Name.Length > 0; }
        catch (CultureNotFoundException) { return false; }
    }
}
