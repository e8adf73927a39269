using RevBot.Core.Answers;
using RevBot.Core.Conversation;
using RevBot.Core.Digests;
using RevBot.Core.Localization;
using RevBot.Core.Metrics;
using RevBot.Core.Periods;

namespace RevBot.Tests.Conversation;

/// <summary>
/// Answer sentences whose words the catalog chooses per language: a ranked list names what it ranks (in Spanish with
/// the noun's gender, "Primeras 2 regiones") in its title as in its text, for every dimension; a scorecard line that did
/// not change names the earlier value in both languages.
/// </summary>
public sealed class AnswerWordingTests
{
    private static readonly Period Q4 = new(new DateOnly(2017, 10, 1), new DateOnly(2017, 12, 31), "Q4 2017", PeriodGrain.Quarter);
    private static readonly Period Q3 = new(new DateOnly(2017, 7, 1), new DateOnly(2017, 9, 30), "Q3 2017", PeriodGrain.Quarter);

    public static TheoryData<Dimension> Dimensions() => [.. Enum.GetValues<Dimension>()];

    private static Answer Ranked(string language, Dimension dim, bool ascending)
    {
        var rows = new List<BreakdownRow> { new("a", "Alpha", new MetricValue(2_000_000m, 5)), new("b", "Beta", new MetricValue(1_000_000m, 3)) };
        return ListAnswerComposer.Groups(new ParsedQuestion { Language = language, Metric = "bookings" },
            new MetricResult(new MetricQuery("bookings", Q4, MetricQuery.NoFilters, dim), new MetricValue(3_000_000m, 8), rows), 5, ascending, "USD");
    }

    [Theory]
    [MemberData(nameof(Dimensions))]
    public void Every_dimension_ranks_both_ways_in_every_language_with_the_same_words_in_title_and_text(Dimension dim)
    {
        foreach (var language in Texts.Languages)
        {
            foreach (var ascending in new[] { false, true })
            {
                var answer = Ranked(language, dim, ascending);
                var head = answer.Reply.Title[..answer.Reply.Title.IndexOf(" · ", StringComparison.Ordinal)];
                Assert.StartsWith(head + " ", answer.Text, StringComparison.Ordinal);
                Assert.Contains(" 2 ", head, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void A_ranked_list_title_names_what_it_ranks_in_the_nouns_gender()
    {
        Assert.Equal("Top 2 regions by bookings · Q4 2017", Ranked("en", Dimension.Region, false).Reply.Title);
        Assert.Equal("Primeras 2 regiones por ventas cerradas · Q4 2017", Ranked("es", Dimension.Region, false).Reply.Title);
        Assert.Equal("Últimos 2 comerciales por ventas cerradas · Q4 2017", Ranked("es", Dimension.Owner, true).Reply.Title);
        Assert.StartsWith("Bottom 2 stages by bookings ", Ranked("en", Dimension.Stage, true).Text, StringComparison.Ordinal);
        Assert.StartsWith("Últimas 2 etapas por ventas cerradas ", Ranked("es", Dimension.Stage, true).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unchanged_scorecard_line_names_the_earlier_value_in_both_languages()
    {
        string Scorecard(string language)
        {
            var def = MetricCatalog.Get("bookings");
            var line = new ScorecardLine(def, new MetricResult(new MetricQuery("bookings", Q4, MetricQuery.NoFilters), new MetricValue(100m, 1), []),
                new MetricResult(new MetricQuery("bookings", Q3, MetricQuery.NoFilters), new MetricValue(100m, 1), []), null);
            return ScorecardComposer.Compose(new ParsedQuestion { Language = language }, DigestKind.Sales, Q4, [line], [], "USD", null, null).Text;
        }

        Assert.Contains("bookings $100 (unchanged from $100).", Scorecard("en"), StringComparison.Ordinal);
        Assert.Contains("ventas cerradas 100\u00A0$ (igual que 100\u00A0$).", Scorecard("es"), StringComparison.Ordinal);
        Assert.StartsWith("Resumen de ventas ", Scorecard("es"), StringComparison.Ordinal);
        Assert.StartsWith("Sales scorecard ", Scorecard("en"), StringComparison.Ordinal);
    }
}
