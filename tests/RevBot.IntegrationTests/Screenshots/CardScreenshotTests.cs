namespace RevBot.IntegrationTests.Screenshots;

/// <summary>
/// Issue 19's proof: every card kind, drawn by the adaptivecards SDK (Teams) and a Block Kit approximation (Slack) at
/// 320 px (a phone) and 500 px (Teams' and Slack's desktop message width), in English and Spanish, splits no word or
/// amount across lines, fits its width, gives every image alt text and stays within the platform's size limit. The
/// PNGs are kept for people to look at (docs/testing.md, "Card screenshots").
/// </summary>
public sealed class CardScreenshotTests(CardScreenshots shots) : IClassFixture<CardScreenshots>
{
    private static readonly string[] Kinds =
    [
        "answer", "list", "breakdown", "chart", "deal", "form", "alert", "alert-grouped", "alert-summary", "handoff",
        "digest-sales", "digest-cs", "digest-marketing", "digest-finance", "digest-exec", "help", "welcome",
    ];

    /// <summary>Cards that fail a check today and the part of issue 19 that fixes them; the coordinator re-enables each after that merge.</summary>
    private static readonly Dictionary<string, string> KnownFailures = new()
    {
    };

    /// <summary>"{kind}.{platform}": each kind on both platforms, and the Home tab, which only Slack has.</summary>
    private static readonly string[] CaseNames = [.. Kinds.SelectMany(k => new[] { $"{k}.teams", $"{k}.slack" }), "home.slack"];

    public static IEnumerable<TheoryDataRow<string>> Cases() =>
        CaseNames.Select(c => new TheoryDataRow<string>(c) { Skip = KnownFailures.GetValueOrDefault(c) });

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_card_kind_reads_cleanly_at_320_and_500_px_in_english_and_spanish(string @case)
    {
        ScreenshotTools.Require();
        TestContext.Current.TestOutputHelper?.WriteLine($"Screenshots: {shots.Folder}");
        var results = shots.Results.Where(r => r.Case == @case).ToList();
        Assert.Equal(["en.320", "en.500", "es.320", "es.500"], results.Select(r => $"{r.Name[(r.Name.LastIndexOf('.') + 1)..]}.{r.Width}").Order());
        Assert.All(results, r => Assert.True(File.Exists(Path.Combine(shots.Folder, r.Png)), $"{r.Png} was not written"));
        var problems = results.SelectMany(r => r.Problems()).ToList();
        Assert.True(problems.Count == 0, $"In {shots.Folder}:\n{string.Join('\n', problems)}");
    }

    [Fact]
    public void Every_card_built_is_one_of_the_cases_and_drawn_at_both_widths()
    {
        ScreenshotTools.Require();
        var cases = CaseNames.ToHashSet();
        Assert.All(shots.Cards, c => Assert.Contains(c.Case, cases));
        Assert.Equal(cases.Order(), shots.Cards.Select(c => c.Case).Distinct().Order());
        Assert.Equal(shots.Cards.Count * 2, shots.Results.Count);
    }
}
