using RevBot.Core.Answers;
using RevBot.Core.Conversation;

namespace RevBot.Tests.Conversation;

/// <summary>Deal searches and data health are recognised, and questions that merely mention deals are not taken for them.</summary>
public sealed class DealRequestParsingTests
{
    private static readonly DateOnly AsOf = new(2026, 11, 27);

    [Theory]
    [InlineData("Deal Acme renewal", "Acme renewal", "en")]
    [InlineData("find deals acme", "acme", "en")]
    [InlineData("search for deal Globex", "Globex", "en")]
    [InlineData("look up deal with Initech", "Initech", "en")]
    [InlineData("opp acme", "acme", "en")]
    [InlineData("deal renewal 2026", "renewal 2026", "en")]
    [InlineData("<@U0BOT> deal acme", "acme", "en")]
    [InlineData("encuentra el negocio Acme renovación", "Acme renovación", "es")]
    [InlineData("ver negocio deal-00000042", "deal-00000042", "es")]
    public void A_deal_word_followed_by_a_name_is_a_search(string text, string search, string language)
    {
        var parsed = QuestionParser.Parse(text, TestVocabulary.Context(AsOf, 1, null));
        Assert.Equal((Intent.DealSearch, search, language), (parsed.Intent, parsed.DealSearch, parsed.Language));
    }

    [Theory]
    [InlineData("deals closing this month")]
    [InlineData("deal size this quarter")]
    [InlineData("deal count by region")]
    [InlineData("average deal size last month")]
    [InlineData("show me the deals we won this week")]
    [InlineData("show my deals closing this month")]
    [InlineData("find deals closing next month")]
    [InlineData("update the Acme deal to closed won")]
    [InlineData("can you close the deal with Acme for me")]
    [InlineData("actualiza el negocio de Acme")]
    [InlineData("negocios que cierran este mes")]
    [InlineData("deal")]
    [InlineData("what's the health of our pipeline")]
    public void Questions_about_deals_are_not_searches(string text)
    {
        var parsed = QuestionParser.Parse(text, TestVocabulary.Context(AsOf, 1, null));
        Assert.NotEqual(Intent.DealSearch, parsed.Intent);
        Assert.NotEqual(Intent.DataHealth, parsed.Intent);
    }

    [Theory]
    [InlineData("Data health?", "en")]
    [InlineData("data quality", "en")]
    [InlineData("find duplicates", "en")]
    [InlineData("duplicate contacts", "en")]
    [InlineData("calidad de los datos", "es")]
    [InlineData("muéstrame los duplicados", "es")]
    public void Data_health_in_either_language(string text, string language)
    {
        var parsed = QuestionParser.Parse(text, TestVocabulary.Context(AsOf, 1, null));
        Assert.Equal((Intent.DataHealth, language), (parsed.Intent, parsed.Language));
    }
}
