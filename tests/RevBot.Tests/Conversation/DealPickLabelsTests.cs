using RevBot.Core.Answers;
using RevBot.Core.Conversation;
using RevBot.Testing;

namespace RevBot.Tests.Conversation;

/// <summary>Pick-list buttons: short, and distinct even for two deals of one account with the same name.</summary>
public sealed class DealPickLabelsTests
{
    [Fact]
    public void Two_deals_of_one_account_are_told_apart_by_amount_and_date_then_by_owner_then_by_id()
    {
        var f = new AnswerFormatter("en", "USD");
        var labels = DealPickLabels.For(
        [
            new("d1", "Acme — Renewal", "$120K", new DateOnly(2026, 12, 12), false, "Rob Rep"),
            new("d2", "Acme — Renewal", "$120K", new DateOnly(2026, 12, 12), false, "Jane Cooper"),
            new("d3", "Acme — Renewal", "$98.5K", new DateOnly(2025, 12, 1), true, "Rob Rep"),
            new("d4", "Acme — Renewal", "$120K", new DateOnly(2026, 12, 12), false, "Jane Cooper"),
        ], f);

        Assert.Equal(
        [
            "Acme — Renewal · $120K · closes Dec 12, 2026 · Rob Rep",
            "Acme — Renewal · $120K · closes Dec 12, 2026 · Jane Cooper · d2",
            "Acme — Renewal · $98.5K · closed Dec 1, 2025",
            "Acme — Renewal · $120K · closes Dec 12, 2026 · Jane Cooper · d4",
        ], labels);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("es")]
    public void The_deal_pick_list_buttons_are_distinct_and_fit_a_slack_button(string language)
    {
        var labels = ListReplySamples.PickList(language).Actions.Select(a => a.Label).ToList();

        Assert.Equal(5, labels.Count);
        Assert.Equal(labels.Count, labels.Distinct().Count());
        Assert.All(labels, l => Assert.InRange(l.Length, 1, 75));
        Assert.Equal(language == "en" ? "Acme — Expansion · $584K · closes Jan 31, 2027" : "Acme — Expansion · 584\u00A0mil\u00A0$ · cierra el 31 ene 2027", labels[2]);
        Assert.StartsWith("Acme Corporation — Platform exp… · ", labels[4], StringComparison.Ordinal);
    }
}
