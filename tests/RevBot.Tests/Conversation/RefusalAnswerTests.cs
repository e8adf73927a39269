using RevBot.Core.Answers;
using RevBot.Core.Conversation;
using RevBot.Core.Metrics;

namespace RevBot.Tests.Conversation;

/// <summary>
/// The reply to a question with a word RevBot cannot place, read by a person: it names the word and says what can be
/// asked instead, from the company's own names, in English and Spanish. The company here is small on purpose: three
/// regions, no segments and no industries, one team, and an account whose name is a surname.
/// </summary>
public sealed class RefusalAnswerTests
{
    private static readonly QuestionVocabulary Small = new(new Dictionary<Dimension, IReadOnlyList<NamedEntity>>
    {
        [Dimension.Owner] = [new("morgan@example.com", "Morgan Reyes"), new("darcel@example.com", "Darcel Schlecht")],
        [Dimension.Team] = [new("Phoenix", "Phoenix")],
        [Dimension.Region] = [new("West", "West"), new("Central", "Central"), new("East", "East")],
        [Dimension.Segment] = [],
        [Dimension.Industry] = [],
        [Dimension.Product] = [new("GTX Basic", "GTX Basic"), new("GTX Pro", "GTX Pro")],
        [Dimension.Source] = [new("Inbound", "Inbound")],
        [Dimension.Stage] = [new("Proposal", "Proposal")],
        [Dimension.Type] = [new("new", "new"), new("renewal", "renewal"), new("expansion", "expansion")],
        [Dimension.Account] = [new("acc-1", "Smith Inc"), new("acc-2", "Acme Corporation"), new("acc-3", "Vortex Labs"), new("acc-4", "Vortex Robotics Systems")],
    });

    private static ParsedQuestion Parse(string question) => QuestionParser.Parse(question, new ParseContext(new DateOnly(2026, 11, 27), 1, null, Small));

    private static string Reply(string question)
    {
        var parsed = Parse(question);
        return parsed.Intent switch
        {
            Intent.Unknown => GuidanceComposer.Refuse(parsed, Small).Text,
            Intent.Clarify => GuidanceComposer.Clarify(parsed, Small).Text,
            _ => throw new Xunit.Sdk.XunitException($"answered: {question} → {QuestionSuiteTests.Describe(parsed)}"),
        };
    }

    [Theory]
    [InlineData("bookings in APAC", "I don't have a region called APAC — regions here are West, Central and East.")]
    [InlineData("ventas en APAC", "No tengo una región llamada APAC: las regiones aquí son West, Central y East.")]
    [InlineData("win rate for the Sales team", "I don't have a team called Sales — teams here are Phoenix.")]
    [InlineData("tasa de cierre del equipo Ventas", "No tengo un equipo llamado Ventas: los equipos aquí son Phoenix.")]
    [InlineData("win rate for mid-market", "The data has no segments, so I can't filter by 'mid-market'.")]
    [InlineData("tasa de cierre para mid-market", "Los datos no tienen segmentos, así que no puedo filtrar por «mid-market».")]
    [InlineData("tasa de cierre para pymes", "Los datos no tienen segmentos, así que no puedo filtrar por «pymes».")]
    public void A_value_the_company_does_not_have_is_named_with_the_values_it_has(string question, string expected) =>
        Assert.Equal(expected, Reply(question));

    [Fact]
    public void An_unknown_word_is_named_with_the_filters_that_exist()
    {
        Assert.Equal("I don't know 'Narnia' here. I can filter by region (West, Central, East), product (GTX Basic, GTX Pro), source (Inbound), "
            + "stage (Proposal), or by a rep, team or account name.", Reply("bookings in Narnia"));
        Assert.Equal("No sé qué es «Narnia» aquí. Puedo filtrar por región (West, Central, East), producto (GTX Basic, GTX Pro), origen (Inbound), "
            + "etapa (Proposal), o por el nombre de un comercial, equipo o cuenta.", Reply("ventas en Narnia"));
    }

    [Theory]
    [InlineData("bookings vs benchmark", "'benchmark'")]
    [InlineData("win rate adjusted", "'adjusted'")]
    [InlineData("tasa de cierre ajustada", "«ajustada»")]
    public void An_unknown_metric_modifier_is_named(string question, string named) =>
        Assert.Contains(named, Reply(question), StringComparison.Ordinal);

    [Fact]
    public void A_breakdown_nobody_can_do_is_named_with_the_breakdowns_available()
    {
        Assert.Equal("I can't break down by 'country'. I can break down by rep, team, region, product, source, deal type, stage, account, "
            + "or by day, week, month, quarter or year.", Reply("bookings by country"));
        Assert.StartsWith("No puedo desglosar por «color de pelo». Puedo desglosar por comercial, equipo, región,", Reply("ventas por color de pelo"), StringComparison.Ordinal);
        Assert.StartsWith("The data has no segments to break down by. I can break down by rep,", Reply("bookings by segment"), StringComparison.Ordinal);
        Assert.StartsWith("Los datos no tienen segmentos por los que desglosar.", Reply("ventas por segmento"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_persons_name_that_is_in_part_an_account_is_not_taken_for_the_account()
    {
        var parsed = Parse("deals Jane Smith closed");
        Assert.Equal(Intent.Clarify, parsed.Intent);
        Assert.DoesNotContain(Dimension.Account, parsed.Filters.Keys);
        Assert.Equal("I don't know a rep called Jane Smith. Did you mean Smith Inc (account)?", Reply("deals Jane Smith closed"));
        Assert.Equal("deals Smith Inc closed", Assert.Single(parsed.Candidates).Question);
        Assert.Equal("No conozco a ningún comercial llamado Jane Smith. ¿Te refieres a Smith Inc (cuenta)?", Reply("negocios que cerró Jane Smith"));
        Assert.StartsWith("I don't know a rep called John Doe.", Reply("deals John Doe closed"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_read_in_part_is_stated_in_the_answer()
    {
        var parsed = Parse("bookings for acme this quarter");
        Assert.Equal(Intent.Metric, parsed.Intent);
        Assert.Equal("(I read 'acme' as the account Acme Corporation.)", MatchText.For(parsed.Matched, language: "en"));
        Assert.Equal("(He entendido «acme» como la cuenta Acme Corporation.)", MatchText.For(Parse("ventas de acme este trimestre").Matched, language: "es"));
        Assert.Null(MatchText.For(Parse("bookings for Acme Corporation this quarter").Matched, language: "en"));
    }

    [Theory]
    [InlineData("win rate for the Sales team", "Sales")]
    [InlineData("win rate for the sales team", "Sales")]
    [InlineData("tasa de cierre del equipo de Ventas", "Ventas")]
    public void A_team_whose_name_is_an_everyday_word_is_read_beside_its_dimension_word(string question, string team)
    {
        var withTeams = new QuestionVocabulary(new Dictionary<Dimension, IReadOnlyList<NamedEntity>>(Small.Entities)
        {
            [Dimension.Team] = [new("Sales", "Sales"), new("Ventas", "Ventas")],
        });
        var parsed = QuestionParser.Parse(question, new ParseContext(new DateOnly(2026, 11, 27), 1, null, withTeams));
        Assert.Equal(Intent.Metric, parsed.Intent);
        Assert.Equal("win_rate", parsed.Metric);
        Assert.Equal(team, parsed.Filters[Dimension.Team]);
        Assert.Empty(parsed.Unplaced);
    }

    [Fact]
    public void Of_two_names_that_read_the_same_beside_a_dimension_word_the_first_is_taken()
    {
        // The lookup by folded name (EntityIndex.NamedExactly) keeps the vocabulary's first, as the scan it replaced did.
        var teams = new QuestionVocabulary(new Dictionary<Dimension, IReadOnlyList<NamedEntity>>(Small.Entities)
        {
            [Dimension.Team] = [new("Sáles", "Sáles"), new("Sales", "Sales")],
        });
        var parsed = QuestionParser.Parse("win rate for the sales team", new ParseContext(new DateOnly(2026, 11, 27), 1, null, teams));
        Assert.Equal(Intent.Metric, parsed.Intent);
        Assert.Equal("Sáles", parsed.Filters[Dimension.Team]);
        Assert.Empty(parsed.Unplaced);
    }

    [Fact]
    public void A_part_of_a_name_that_starts_several_is_asked_about_even_when_one_fits_closer()
    {
        var parsed = Parse("bookings for vortex this year");
        Assert.Equal(Intent.Clarify, parsed.Intent);
        Assert.Equal(["Vortex Labs", "Vortex Robotics Systems"], parsed.Candidates.Select(c => c.Label));
    }

    [Fact]
    public void A_misspelt_surname_alone_is_asked_about()
    {
        var parsed = Parse("win rate for Schlect");
        Assert.Equal(Intent.Clarify, parsed.Intent);
        Assert.Equal("Did you mean Darcel Schlecht?", GuidanceComposer.Clarify(parsed, Small).Text);
        Assert.Equal("win rate for Darcel Schlecht", Assert.Single(parsed.Candidates).Question);
    }

    [Theory]
    [InlineData("bookings for the Zephyr-North team", "Zephyr-North")]
    [InlineData("ventas del equipo Zéfiro-Norte", "Zéfiro-Norte")]
    [InlineData("bookings in Zorbl-Vania, please", "Zorbl-Vania")]
    [InlineData("win rate for Jane's team in the Nordics", "Nordics")]
    public void A_word_is_quoted_as_typed_with_its_hyphen_and_accents(string question, string typed)
    {
        var parsed = Parse(question);
        Assert.Contains(parsed.Unplaced, u => u.Text == typed);
        Assert.Contains(typed, Reply(question), StringComparison.Ordinal);
    }

    [Fact]
    public void A_capitalised_part_of_an_account_name_is_asked_about_as_the_account()
    {
        var parsed = Parse("bookings for Smith this year");
        Assert.Equal(Intent.Clarify, parsed.Intent);
        Assert.Empty(parsed.Filters);
        Assert.Equal("Did you mean the account Smith Inc?", Reply("bookings for Smith this year"));
        var option = Assert.Single(parsed.Candidates);
        Assert.Equal(("Smith Inc (account)", "bookings for Smith Inc this year"), (option.Label, option.Question));
        Assert.Equal("acc-1", Parse(option.Question).Filters[Dimension.Account]);
        Assert.Equal("¿Te refieres a la cuenta Smith Inc?", Reply("ventas de Smith este año"));
    }

    [Theory]
    [InlineData("bookings for Smith Inc this year")]
    [InlineData("bookings for Acme Corp this year")]
    [InlineData("bookings for smith this year")]
    [InlineData("ventas de Smith Inc este año")]
    public void The_full_name_a_legal_form_or_a_lower_case_part_still_answers(string question)
    {
        var parsed = Parse(question);
        Assert.Equal(Intent.Metric, parsed.Intent);
        Assert.True(parsed.Filters.ContainsKey(Dimension.Account), QuestionSuiteTests.Describe(parsed));
    }

    [Fact]
    public void A_word_that_is_part_of_a_reps_name_and_an_accounts_offers_both_with_their_kind()
    {
        var withSmith = new QuestionVocabulary(new Dictionary<Dimension, IReadOnlyList<NamedEntity>>(Small.Entities)
        {
            [Dimension.Owner] = [new("morgan@example.com", "Morgan Reyes"), new("jane.smith@example.com", "Jane Smith")],
        });
        ParsedQuestion Ask(string q) => QuestionParser.Parse(q, new ParseContext(new DateOnly(2026, 11, 27), 1, null, withSmith));
        foreach (var question in new[] { "bookings for Smith this year", "bookings for smith this year" })
        {
            var parsed = Ask(question);
            Assert.Equal(Intent.Clarify, parsed.Intent);
            Assert.Equal(["Jane Smith (rep)", "Smith Inc (account)"], parsed.Candidates.Select(c => c.Label).Order());
        }
        var clarified = Ask("bookings for Smith this year");
        Assert.Equal("Do you mean the rep Jane Smith or the account Smith Inc?", GuidanceComposer.Clarify(clarified, withSmith).Text);
        Assert.Equal("jane.smith@example.com", Ask(clarified.Candidates.Single(c => c.Label.StartsWith("Jane", StringComparison.Ordinal)).Question).Filters[Dimension.Owner]);
        Assert.Equal("acc-1", Ask(clarified.Candidates.Single(c => c.Label.StartsWith("Smith", StringComparison.Ordinal)).Question).Filters[Dimension.Account]);
        Assert.Equal("¿Te refieres al comercial Jane Smith o a la cuenta Smith Inc?", GuidanceComposer.Clarify(Ask("ventas de Smith este año"), withSmith).Text);
    }
}
