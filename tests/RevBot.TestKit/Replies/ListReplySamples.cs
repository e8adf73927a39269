using RevBot.Core.Answers;
using RevBot.Core.Conversation;
using RevBot.Core.Deals;
using RevBot.Core.Domain;
using RevBot.Core.Metrics;
using RevBot.Core.Replies;

namespace RevBot.Testing;

/// <summary>
/// List answers as the composers write them (the top open deals, the deal pick list) and a breakdown with a change
/// column, in English and Spanish: the shapes the phone layouts render, for the renderer and conformance tests.
/// </summary>
public static class ListReplySamples
{
    public static IReadOnlyList<(string Name, Reply Reply)> All() =>
    [
        ("top open deals", TopDeals("en")),
        ("top open deals in Spanish", TopDeals("es")),
        ("deal pick list", PickList("en")),
        ("deal pick list in Spanish", PickList("es")),
        ("breakdown with a change", Breakdown()),
    ];

    /// <summary>"Top 10 open deals": the composer's six columns (deal, account, owner, stage, close, amount).</summary>
    public static Reply TopDeals(string language)
    {
        var items = Enumerable.Range(1, 10).Select(i => new DealListItem($"deal-{i:00000000}", i % 2 == 0 ? $"Accountability Partners – expansion {i}" : $"Acme Corporation – renewal 202{i % 7}",
            584_000m - i * 31_500m, i % 2 == 0 ? "Accountability Partners" : "Acme Corporation", "Ana García", "Negotiation", new DateOnly(2026, 12, i), null)).ToList();
        var question = new ParsedQuestion { Language = language };
        return ListAnswerComposer.Deals(question, new DealListQuery(DealListKind.Open, null, new Dictionary<Dimension, string>()), items, "USD").Reply;
    }

    /// <summary>"update the Acme deal": five deals, two of one account with the same name, amount and close date.</summary>
    public static Reply PickList(string language)
    {
        DealHit Hit(string id, string name, string owner, decimal amount, DealStatus status, DateOnly? close, bool mine = false) =>
            new(id, name, "Acme Corporation", owner, amount, "USD", status == DealStatus.Open ? "Proposal" : "Closed Won", status, close, mine, 0.8);
        var hits = new[]
        {
            Hit("deal-00000001", "Acme — Renewal", "Rob Rep", 120_000m, DealStatus.Open, new DateOnly(2026, 12, 12), mine: true),
            Hit("deal-00000002", "Acme — Renewal", "Jane Cooper", 120_000m, DealStatus.Open, new DateOnly(2026, 12, 12)),
            Hit("deal-00000003", "Acme — Expansion", "Jane Cooper", 584_000m, DealStatus.Open, new DateOnly(2027, 1, 31)),
            Hit("deal-00000004", "Acme — Renewal", "Rob Rep", 98_500m, DealStatus.Won, new DateOnly(2025, 12, 1)),
            Hit("deal-00000005", "Acme Corporation — Platform expansion with a rather long name", "Rob Rep", 1_250_000m, DealStatus.Open, null),
        };
        var question = new ParsedQuestion { Language = language, Intent = Intent.DealSearch, DealSearch = "acme" };
        return DealSearchAnswers.PickList(question, new DealSearchResult(hits, 7, false, false)).Reply;
    }

    /// <summary>Win rate by region with the change on last quarter: a breakdown of three columns.</summary>
    public static Reply Breakdown() => new()
    {
        Kind = ReplyKind.Answer,
        Title = "Win rate by region · Q4 2026",
        Text = "Win rate was 42.0% in Q4 2026.",
        Table = new ReplyTable(["Region", "Win rate", "vs Q3"],
            [["North America", "44.1%", "+3.2 pts"], ["EMEA", "39.8%", "−1.0 pts"], ["Latin America", "41.0%", "+0.4 pts"], ["APAC", "38.2%", "+5.9 pts"]], 4)
        { NumericColumns = new HashSet<int> { 1, 2 } },
        Context = ["Q4 2026 (Oct 1 – Dec 31, 2026)"],
    };
}
