using System.Text.RegularExpressions;
using RevBot.Testing;

namespace RevBot.Tests.Localization;

/// <summary>
/// Issue 19: one format everywhere. Money, numbers, percentages and dates are written by <c>Localization/Formats</c>
/// only, and a person is shown by name where RevBot has one. This scans Core and the adapters' App folders and fails on
/// a number or date format written elsewhere (<c>ToString("#,0")</c>, <c>{x:N0}</c>, <c>"MMM d"</c>) or an e-mail
/// passed into a shown sentence or fact, outside the few files listed with their reason.
/// </summary>
public sealed partial class OneFormatterTests
{
    private static readonly string[] Scanned = ["src/RevBot.Core", "src/RevBot.Slack/App", "src/RevBot.Teams/App"];

    /// <summary>Files that may format on their own, each with why.</summary>
    private static readonly Dictionary<string, string> Allowed = new(StringComparer.Ordinal)
    {
        ["src/RevBot.Core/Localization/Formats.cs"] = "the formatter itself",
        // The amount of a question RevBot asks on the person's behalf ("stalled deals over 50000"): read back by the
        // question reader, so written as people type it, not as RevBot shows amounts.
        ["src/RevBot.Core/Alerts/Delivery/AlertFirstSummary.cs"] = "a typed question's amount",
        // Duplicate contacts are told apart by their e-mail: it is what the data-health check compares.
        ["src/RevBot.Core/DataHealth/DataHealthQueries.cs"] = "a duplicate contact's e-mail is the finding",
    };

    [Fact]
    public void Only_the_formatter_formats_money_numbers_and_dates_and_people_are_shown_by_name()
    {
        var found = Scanned.SelectMany(root => Directory.EnumerateFiles(RepoPaths.File(root), "*.cs", SearchOption.AllDirectories))
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(p => (Path: Path.GetRelativePath(RepoPaths.Root, p).Replace('\\', '/'), Text: File.ReadAllText(p)))
            .Where(f => !Allowed.ContainsKey(f.Path))
            .SelectMany(f => Offences(f.Text).Select(o => $"{f.Path}: {o}"))
            .ToList();
        Assert.True(found.Count == 0, "Format with Localization/Formats (docs/texts.md), and show people by name (Formats.Person):\n" + string.Join('\n', found));
    }

    [Fact]
    public void Every_allowed_file_exists()
    {
        foreach (var path in Allowed.Keys)
            Assert.True(File.Exists(RepoPaths.File(path)), $"{path} is allowed but does not exist");
    }

    [Theory]
    [InlineData("var s = amount.ToString(\"#,0\", culture);")]
    [InlineData("var s = ratio.ToString(\"0.0\", Culture);")]
    [InlineData("var s = amount.ToString(\"C0\");")]
    [InlineData("var s = $\"{amount:N0} deals\";")]
    [InlineData("var s = day.ToString(\"MMM d, yyyy\", culture);")]
    [InlineData("filters.Add(Texts.Get(language, nameof(Catalog.AlertFilterOwner), s.OwnerEmail));")]
    [InlineData("facts.Add(new ReplyFact(T(nameof(Catalog.DealCardOwner)), deal.OwnerEmail));")]
    public void A_format_or_an_email_outside_the_formatter_is_found(string code) => Assert.NotEmpty(Offences(code));

    [Theory]
    [InlineData("var id = Guid.NewGuid().ToString(\"N\");")]
    [InlineData("var key = $\"{Guid.NewGuid():N}\";")]
    [InlineData("var day = d.ToString(\"yyyy-MM-dd\", CultureInfo.InvariantCulture);")]
    [InlineData("var s = Formats.Money(amount, currency, language, MoneyStyle.Exact);")]
    [InlineData("var s = Texts.Get(language, nameof(Catalog.DealFormEmail));")]
    [InlineData("var s = Texts.Get(language, nameof(Catalog.AlertFilterOwner), Formats.Person(name, s.OwnerEmail));")]
    public void Formatter_calls_and_wire_formats_pass(string code) => Assert.Empty(Offences(code));

    private static List<string> Offences(string code)
    {
        var lines = code.Split('\n').Select(l => l.TrimStart().StartsWith("//", StringComparison.Ordinal) ? "" : l).ToArray();
        var text = string.Join('\n', lines);
        var formats = NumberOrDateFormat().Matches(text).Select(m => (m.Index, m.Value));
        // An e-mail among a shown sentence's or fact's arguments, unless Formats.Person chose it (the name wins there).
        var emails = ShownStatement().Matches(text)
            .Where(m => EmailArgument().Matches(m.Value).Any(t => !t.Value.StartsWith("Catalog.", StringComparison.Ordinal))
                && !m.Value.Contains("Formats.Person(", StringComparison.Ordinal))
            .Select(m => (m.Index, m.Value));
        return [.. formats.Concat(emails).OrderBy(o => o.Index).Select(o =>
        {
            var line = text[..o.Index].Count(c => c == '\n');
            return $"line {line + 1}: {lines[line].Trim()}";
        })];
    }

    // ToString("#,0"), ToString("0.0"), ToString("C0"), ToString("N2"), ToString("P1"); {x:N0}, {0:#,0}; a literal with "MMM".
    // Guid's "N" (no digits) is not a number format.
    [GeneratedRegex(@"\.ToString\(""(?:[#0][#0.,%]*|[CcPp]\d*|[Nn]\d+)""|\{[^{}""\n]+:(?:[#0][#0.,]*|[CcPp]\d*|[Nn]\d+)\}|""[^""\n]*MMM[^""\n]*""")]
    private static partial Regex NumberOrDateFormat();

    [GeneratedRegex(@"(?:Texts\.Get|\bf\.Text|\bT|new ReplyFact)\([^;]*?;", RegexOptions.Singleline)]
    private static partial Regex ShownStatement();

    [GeneratedRegex(@"[\w.]*Email\b")]
    private static partial Regex EmailArgument();
}
