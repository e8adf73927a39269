using System.Collections;
using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using RevBot.Core.Localization;
using RevBot.Testing;

namespace RevBot.Tests.Localization;

/// <summary>Every language's catalog has every key of the English one, non-empty, with no placeholder beyond English's.</summary>
public sealed partial class CatalogTests
{
    public static TheoryData<string> OtherLanguages() => [.. Texts.Languages.Where(l => l != Texts.Neutral)];

    [Fact]
    public void Spanish_is_found_from_its_catalog() =>
        Assert.Equal(["en", "es"], Texts.Languages.Order());

    [Theory]
    [MemberData(nameof(OtherLanguages))]
    public void Every_key_is_translated_with_the_same_placeholders(string language)
    {
        var neutral = Entries(CultureInfo.InvariantCulture);
        var translated = Entries(CultureInfo.GetCultureInfo(language));
        Assert.NotEmpty(neutral);
        var missing = neutral.Keys.Where(k => !translated.ContainsKey(k) || string.IsNullOrWhiteSpace(translated[k])).Order().ToList();
        Assert.True(missing.Count == 0, $"Missing or empty in {language}: {string.Join(", ", missing)}");
        var extra = translated.Keys.Except(neutral.Keys).Order().ToList();
        Assert.True(extra.Count == 0, $"Only in {language} (no English text): {string.Join(", ", extra)}");
        // A translation may leave out an argument its sentence does not say ("igual que en 2009" without the earlier
        // value), but never ask for one beyond those English is given: that would throw when the text is formatted.
        var differ = neutral.Keys.Where(k => !PlaceholdersFit(neutral[k], translated[k])).Order().ToList();
        Assert.True(differ.Count == 0, $"Placeholders beyond English's in {language}: {string.Join(", ", differ)}");
    }

    [Fact]
    public void No_key_is_written_twice_in_a_catalog_file()
    {
        // The build keeps the first of two entries with one name and only warns (MSB3568): a merge that writes a key
        // twice would quietly keep the old text.
        var files = Directory.GetFiles(RepoPaths.File("src", "RevBot.Core", "Localization"), "Catalog*.resx");
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var names = XDocument.Load(file).Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToList();
            var twice = names.GroupBy(n => n, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
            Assert.True(twice.Count == 0, $"{Path.GetFileName(file)} writes these keys twice: {string.Join(", ", twice)}");
        }
    }

    [Theory]
    [InlineData("unchanged from {1} {0}", "igual que {0}", true)]
    [InlineData("{2}", "{0} {1}", true)]
    [InlineData("{0} deals", "{0:N0} negocios", true)]
    [InlineData("{0} deals", "{1} negocios", false)]
    [InlineData("No deals", "{0} negocios", false)]
    public void A_translation_may_leave_out_an_argument_but_never_use_one_beyond_English(string english, string translated, bool fits)
    {
        Assert.Equal(fits, PlaceholdersFit(english, translated));
        if (fits) _ = string.Format(CultureInfo.InvariantCulture, translated, Enumerable.Range(0, Placeholders(english).DefaultIfEmpty(-1).Max() + 1).Cast<object>().ToArray());
    }

    [Fact]
    public void Text_is_looked_up_in_the_language_asked_and_falls_back_to_English()
    {
        Assert.StartsWith("No sé", Texts.Get("es", nameof(Catalog.AskFollowUpUnclear)), StringComparison.Ordinal);
        Assert.StartsWith("I'm not sure", Texts.Get("en", nameof(Catalog.AskFollowUpUnclear)), StringComparison.Ordinal);
        Assert.StartsWith("I'm not sure", Texts.Get("de", nameof(Catalog.AskFollowUpUnclear)), StringComparison.Ordinal);
        Assert.Throws<KeyNotFoundException>(() => Texts.Get("en", "NoSuchKey"));
    }

    private static Dictionary<string, string> Entries(CultureInfo culture)
    {
        var set = Catalog.ResourceManager.GetResourceSet(culture, createIfNotExists: true, tryParents: false);
        Assert.NotNull(set);
        return set.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!);
    }

    /// <summary>Formatting the translation never needs more arguments than English is given.</summary>
    private static bool PlaceholdersFit(string english, string translated) =>
        Placeholders(translated).All(n => n <= Placeholders(english).DefaultIfEmpty(-1).Max());

    private static HashSet<int> Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))];

    [GeneratedRegex(@"\{(\d+)[^}]*\}")]
    private static partial Regex Placeholder();
}
