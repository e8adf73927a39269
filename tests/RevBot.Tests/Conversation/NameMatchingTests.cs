using RevBot.Core.Answers;
using RevBot.Core.Conversation;
using RevBot.Core.Metrics;

namespace RevBot.Tests.Conversation;

/// <summary>Company names are found despite typos and case, and ordinary words never become filters.</summary>
public sealed class NameMatchingTests
{
    private static readonly DateOnly AsOf = new(2026, 11, 27);

    private static ParsedQuestion Parse(string text, QuestionVocabulary? vocabulary = null) =>
        QuestionParser.Parse(text, new ParseContext(AsOf, 1, null, vocabulary ?? TestVocabulary.Instance));

    [Theory]
    [InlineData("bookings for Darcel Schlect", Dimension.Owner, "darcel.schlecht@example.com")]
    [InlineData("bookings for darcell schlecht", Dimension.Owner, "darcel.schlecht@example.com")]
    [InlineData("bookings for schlecht", Dimension.Owner, "darcel.schlecht@example.com")]
    [InlineData("bookings for Moses", Dimension.Owner, "moses.frase@example.com")]
    [InlineData("bookings for Maria Garcia", Dimension.Owner, "maria.garcia@example.com")]
    [InlineData("win rate in emea", Dimension.Region, "EMEA")]
    [InlineData("win rate in Latam", Dimension.Region, "LATAM")]
    [InlineData("enterprise win rate", Dimension.Segment, "Enterprise")]
    [InlineData("enterprize win rate", Dimension.Segment, "Enterprise")]
    [InlineData("mid market win rate", Dimension.Segment, "Mid-Market")]
    [InlineData("ARR for acme", Dimension.Account, "acc-001")]
    [InlineData("ARR for Acme Corp", Dimension.Account, "acc-001")]
    [InlineData("ARR for Betatch", Dimension.Account, "acc-002")]
    [InlineData("bookings GTX Plus Pro", Dimension.Product, "GTX Plus Pro")]
    [InlineData("pipeline in proposal stage", Dimension.Stage, "Proposal")]
    [InlineData("pipeline from partner", Dimension.Source, "Partner")]
    public void Finds_names_despite_typos_and_case(string question, Dimension dimension, string key)
    {
        var parsed = Parse(question);
        Assert.True(parsed.Filters.TryGetValue(dimension, out var value), QuestionSuiteTests.Describe(parsed));
        Assert.Equal(key, value);
    }

    [Theory]
    [InlineData("will we hit our number this quarter")]
    [InlineData("what will bookings be next quarter")]
    [InlineData("may I see the pipeline")]
    [InlineData("what's the best win rate we had")]
    [InlineData("bookings for the pro plan")]
    [InlineData("bookings for the plus plan")]
    [InlineData("how is the new pipeline looking")]
    [InlineData("forecast for the special projects")]
    [InlineData("did we close anything big today")]
    [InlineData("how many deals can we close")]
    [InlineData("pipeline that will close this month")]
    [InlineData("bookings basically flat?")]
    [InlineData("win rate for the whole company")]
    [InlineData("the team's bookings")]
    [InlineData("show me the ARR for our top accounts")]
    [InlineData("what's our ARR in dollars")]
    [InlineData("¿cuánto vendimos en el mes?")]
    [InlineData("tasa de cierre del equipo")]
    public void Does_not_turn_ordinary_words_into_filters(string question)
    {
        var parsed = Parse(question);
        Assert.True(parsed.Filters.Count == 0 && parsed.Intent != Intent.Clarify, QuestionSuiteTests.Describe(parsed));
    }

    [Fact]
    public void A_rep_named_like_an_ordinary_word_needs_the_full_name()
    {
        var vocabulary = new QuestionVocabulary(new Dictionary<Dimension, IReadOnlyList<NamedEntity>>
        {
            [Dimension.Owner] = [new("will@example.com", "Will"), new("mark@example.com", "Mark Stone")],
        });
        Assert.Empty(Parse("will we hit quota", vocabulary).Filters);
        Assert.Empty(Parse("mark bookings as final", vocabulary).Filters);
        Assert.Equal("will@example.com", Parse("bookings for Will this quarter", vocabulary).Filters[Dimension.Owner]);
        Assert.Equal("mark@example.com", Parse("Mark Stone bookings", vocabulary).Filters[Dimension.Owner]);
    }

    [Fact]
    public void A_name_that_matches_two_entities_equally_asks_which()
    {
        var vocabulary = new QuestionVocabulary(new Dictionary<Dimension, IReadOnlyList<NamedEntity>>
        {
            [Dimension.Account] = [new("a1", "Acme Corporation"), new("a2", "Acme Robotics")],
        });
        var parsed = Parse("ARR for acme", vocabulary);
        Assert.Equal(Intent.Clarify, parsed.Intent);
        Assert.Equal(["Acme Corporation", "Acme Robotics"], parsed.Candidates.Select(c => c.Label).Order());
        Assert.Equal("a2", Parse(parsed.Candidates.Single(c => c.Label == "Acme Robotics").Question, vocabulary).Filters[Dimension.Account]);
    }

    [Fact]
    public void A_common_last_word_alone_is_no_name_but_a_rare_one_is_a_surname()
    {
        // 30 accounts end in "Foods" (more than a surname is shared by), 2 in "Robotics".
        var accounts = Enumerable.Range(0, 30).Select(i => new NamedEntity($"f{i}", $"{(char)('A' + (i % 26))}{i}x Foods"))
            .Append(new NamedEntity("lemke", "Lemke Foods")).Append(new NamedEntity("r1", "Acme Robotics")).Append(new NamedEntity("r2", "Zenith Robotics")).ToList();
        var vocabulary = new QuestionVocabulary(new Dictionary<Dimension, IReadOnlyList<NamedEntity>> { [Dimension.Account] = accounts });

        Assert.Equal("lemke", Parse("bookings for Lemke Foods this year", vocabulary).Filters[Dimension.Account]);
        var foods = Parse("bookings for Foods this year", vocabulary);
        Assert.False(foods.Filters.ContainsKey(Dimension.Account), QuestionSuiteTests.Describe(foods));
        Assert.NotEqual(Intent.Clarify, foods.Intent);
        var robotics = Parse("bookings for Robotics this year", vocabulary);
        Assert.Equal(Intent.Clarify, robotics.Intent);
        Assert.Equal(["Acme Robotics", "Zenith Robotics"], robotics.Candidates.Select(c => c.Label).Order());
    }

    [Fact]
    public void A_possessive_with_a_dimension_word_picks_that_dimension()
    {
        Assert.Equal("team-cooper", Parse("bookings for Jane's team").Filters[Dimension.Team]);
        Assert.Equal("jane.cooper@example.com", Parse("Jane Cooper bookings").Filters[Dimension.Owner]);
    }

    [Fact]
    public void Short_names_match_only_exactly()
    {
        Assert.Equal("NA", Parse("bookings in NA").Filters[Dimension.Region]);
        Assert.Empty(Parse("bookings in NAM").Filters);
    }
}
