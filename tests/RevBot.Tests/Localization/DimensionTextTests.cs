using RevBot.Core.Answers;
using RevBot.Core.Conversation;
using RevBot.Core.Localization;
using RevBot.Core.Metrics;

namespace RevBot.Tests.Localization;

/// <summary>
/// The texts that used to be chosen by a Spanish flag in code (docs/texts.md, "Moving the rest"): their keys are built
/// from a dimension's name ("RefusalNoValue" + Region), so the compiler cannot check them; this does, for every
/// dimension in every catalog, and pins the Spanish agreement the per-dimension keys carry.
/// </summary>
public sealed class DimensionTextTests
{
    public static TheoryData<string, Dimension> EveryDimensionInEveryLanguage()
    {
        var data = new TheoryData<string, Dimension>();
        foreach (var language in Texts.Languages.Order())
        {
            foreach (var d in Enum.GetValues<Dimension>())
                data.Add(language, d);
        }
        return data;
    }

    private static readonly QuestionVocabulary Regions = new(new Dictionary<Dimension, IReadOnlyList<NamedEntity>>
    {
        [Dimension.Region] = [new("West", "West"), new("East", "East")],
        [Dimension.Stage] = [new("Proposal", "Proposal")],
    });

    [Theory]
    [MemberData(nameof(EveryDimensionInEveryLanguage))]
    public void Every_dimension_has_its_names_refusal_and_match_note(string language, Dimension d)
    {
        Assert.NotEmpty(DimensionText.Name(d, language));
        Assert.NotEmpty(DimensionText.Plural(d, language));
        Assert.Contains("Nowhere", RefusalText.For([new UnplacedWord("Nowhere", UnplacedReason.Value, d)], QuestionVocabulary.Empty, language), StringComparison.Ordinal);
        Assert.Contains("Acme Corp", MatchText.For([new NameMatch("acme", d, "Acme Corp")], language), StringComparison.Ordinal);
    }

    [Fact]
    public void Spanish_agrees_with_each_dimension_and_english_keeps_its_words()
    {
        Assert.Equal("No tengo una región llamada Narnia: las regiones aquí son West y East.",
            RefusalText.For([new UnplacedWord("Narnia", UnplacedReason.Value, Dimension.Region)], Regions, "es"));
        Assert.Equal("No tengo una etapa llamada Cierre: las etapas aquí son Proposal.",
            RefusalText.For([new UnplacedWord("Cierre", UnplacedReason.Value, Dimension.Stage)], Regions, "es"));
        Assert.Equal("No tengo un equipo llamado Zeta: los equipos aquí son ninguno.",
            RefusalText.For([new UnplacedWord("Zeta", UnplacedReason.Value, Dimension.Team)], Regions, "es"));
        Assert.Equal("I don't have a region called Narnia — regions here are West and East.",
            RefusalText.For([new UnplacedWord("Narnia", UnplacedReason.Value, Dimension.Region)], Regions, "en"));
        Assert.Equal("(He entendido «acme» como el equipo Acme y «ws» como la región West.)",
            MatchText.For([new NameMatch("acme", Dimension.Team, "Acme"), new NameMatch("ws", Dimension.Region, "West")], "es"));
        Assert.Equal("(I read 'acme' as the team Acme and 'ws' as the region West.)",
            MatchText.For([new NameMatch("acme", Dimension.Team, "Acme"), new NameMatch("ws", Dimension.Region, "West")], "en"));
        // A language without a catalog reads English.
        Assert.Equal("deal type", DimensionText.Name(Dimension.Type, "pt"));
    }
}
