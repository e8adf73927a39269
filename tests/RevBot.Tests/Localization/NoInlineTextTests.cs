using System.Text.RegularExpressions;
using RevBot.Testing;

namespace RevBot.Tests.Localization;

/// <summary>
/// Words chosen by language in code would have to be found and edited to add a language (issue 18 §4): every
/// user-facing text lives in the catalogs (docs/texts.md). This scans src/**/*.cs for a literal picked by a language
/// flag or code and fails on one outside the parse-vocabulary files below.
/// </summary>
public sealed partial class NoInlineTextTests
{
    /// <summary>
    /// Files that read questions and commands: their words are what people type, not what RevBot says, so they choose
    /// a language code ("es") from words, or keep per-language word lists (docs/questions.md). Nothing here is shown.
    /// </summary>
    private static readonly HashSet<string> ParseVocabulary = new(StringComparer.Ordinal)
    {
        // "negocios de Acme", "salud de datos": the request's language is chosen from its words.
        "src/RevBot.Core/Conversation/DealRequestReader.cs",
        // "avísame cuando…": the alert command's verb decides the language code of the reply.
        "src/RevBot.Core/Alerts/Subscriptions/AlertCommandParser.cs",
        // "cada lunes a las 9 envíame…": Spanish schedule words decide the language code of a schedule sentence.
        "src/RevBot.Core/Conversation/ScheduleSentenceReader.cs",
    };

    [Fact]
    public void No_source_file_picks_a_text_by_language()
    {
        var src = RepoPaths.File("src");
        var found = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(p => (Path: Path.GetRelativePath(RepoPaths.Root, p).Replace('\\', '/'), Text: File.ReadAllText(p)))
            .Where(f => !ParseVocabulary.Contains(f.Path))
            .SelectMany(f => Offences(f.Text).Select(o => $"{f.Path}: {o}"))
            .ToList();
        Assert.True(found.Count == 0, "Texts chosen by language in code (move them to the catalogs, docs/texts.md):\n" + string.Join('\n', found));
    }

    [Fact]
    public void Every_allowed_file_exists()
    {
        // A renamed or deleted file must leave the list, or the list would let a new file of that name through unread.
        foreach (var path in ParseVocabulary)
            Assert.True(File.Exists(RepoPaths.File(path)), $"{path} is allowed but does not exist");
    }

    [Theory]
    [InlineData("var s = spanish ? \"hola\" : \"hello\";")]
    [InlineData("return es ? $\"{n} más\" : $\"{n} more\";")]
    [InlineData("return f.Spanish\n    ? $\"No puedo {x}\"\n    : $\"I can't {x}\";")]
    [InlineData("var s = language == \"es\" ? \"ninguno\" : \"none\";")]
    [InlineData("(Dimension.Owner, true) => \"comercial\",")]
    [InlineData("(_, false) => $\"I don't know '{w}' here.\",")]
    [InlineData("\"es\" => \"Gráfico\",")]
    public void A_language_conditioned_literal_is_found(string code) => Assert.NotEmpty(Offences(code));

    [Theory]
    [InlineData("var s = Texts.Get(language, nameof(Catalog.AnswerAnd), a, b);")]
    [InlineData("(ArrMovement.New, true) => nameof(Catalog.AnswerBridgeNewOne),")]
    [InlineData("var m = (es ? Spanish() : English()).Match(s);")]
    [InlineData("// spanish ? \"hola\" : \"hello\" was the old way")]
    [InlineData("/// <summary>\"es\" => \"Gráfico\" is what a catalog replaces.</summary>")]
    public void Catalog_lookups_and_comments_pass(string code) => Assert.Empty(Offences(code));

    /// <summary>The offending lines of <paramref name="code"/>, comments left out.</summary>
    private static List<string> Offences(string code)
    {
        var lines = code.Split('\n').Select(l => l.TrimStart().StartsWith("//", StringComparison.Ordinal) ? "" : l).ToArray();
        var text = string.Join('\n', lines);
        return [.. LanguageConditioned().Matches(text).Select(m =>
        {
            var line = text[..m.Index].Count(c => c == '\n');
            return $"line {line + 1}: {lines[line].Trim()}";
        })];
    }

    // A string literal ("…", $"…", @"…") right after: a language flag's ternary (spanish ?, es ?, Spanish ?),
    // a language code compared (== "es" ?), a switch arm on a flag ((x, true) =>) or on a code ("es" =>).
    [GeneratedRegex(@"(?:\b(?:spanish|Spanish|es|Es)\s*\?|==\s*""[a-z]{2}""\s*\?|,\s*(?:true|false)\s*\)\s*=>|""[a-z]{2}""\s*=>)\s*[$@]{0,2}""")]
    private static partial Regex LanguageConditioned();
}
