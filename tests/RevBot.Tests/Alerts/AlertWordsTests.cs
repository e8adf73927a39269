using RevBot.Core.Alerts;

namespace RevBot.Tests.Alerts;

/// <summary>
/// A reason is stored as words, not as finished text: what an English scan stores reads in Spanish too, exactly as a
/// Spanish scan would have written it; a row stored before reasons were data reads as it was stored.
/// </summary>
public sealed class AlertWordsTests
{
    private static readonly DateOnly Today = new(2026, 6, 15);

    [Fact]
    public void Words_stored_by_an_english_scan_read_in_spanish_as_a_spanish_scan_writes_them()
    {
        var facts = new StalledDealFacts("d1", "Deal", "Acme", 30_000m, "Proposal", 30, 21.5, 15, false, Today.AddDays(-1), 4, 50_000m, "a@x.test", null);
        var english = StalledDealReasons.For(facts, new StalledDealSettings(), Today, new AlertText("en", "USD"));
        var spanish = StalledDealReasons.For(facts, new StalledDealSettings(), Today, new AlertText("es", "USD"));

        var stored = english.Select(r => AlertWords.Read(r.Words!.ToJson(), r.Text)).ToList();

        Assert.Equal(english.Select(r => r.Text), stored.Select(w => w.Render("en")));
        Assert.Equal(spanish.Select(r => r.Text), stored.Select(w => w.Render("es")));
        Assert.Contains("(50\u00A0mil\u00A0$ → 30\u00A0mil\u00A0$)", stored[^1].Render("es"), StringComparison.Ordinal);
    }

    [Fact]
    public void Churn_words_with_nested_sentences_and_a_list_read_in_both_languages()
    {
        var facts = new ChurnRiskFacts("a1", "Acme", 50, 0.46, 23, 2, 1, 1.5, 20, 41, true, 25, null, 0, 0, "a@x.test", null);
        var english = ChurnRiskReasons.For(facts, new ChurnRiskSettings(), new AlertText("en", "EUR"));
        var spanish = ChurnRiskReasons.For(facts, new ChurnRiskSettings(), new AlertText("es", "EUR"));

        var stored = english.Select(r => AlertWords.Read(r.Words!.ToJson(), r.Text)).ToList();

        Assert.Equal(spanish.Select(r => r.Text), stored.Select(w => w.Render("es")));
        Assert.Equal(english.Select(r => r.Text), stored.Select(w => w.Render("en")));
    }

    [Fact]
    public void A_reason_stored_as_text_only_or_with_words_that_no_longer_read_is_shown_as_stored()
    {
        Assert.Equal("no activity in 30 days", AlertWords.Read(null, "no activity in 30 days").Render("es"));
        Assert.Equal("no activity in 30 days", AlertWords.Read("{not json", "no activity in 30 days").Render("es"));
        Assert.Equal("old words", AlertWords.Read("""{"f":"say","k":"AlertReasonNoLongerInTheCatalog"}""", "old words").Render("es"));
        Assert.Equal("old words", AlertWords.Read("""{"f":"days"}""", "old words").Render("en"));
    }
}
